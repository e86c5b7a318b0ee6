package io.github.rfc6455.conformance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the selected cases against a server: independent cases {@link KitOptions#parallelism()} at a time, then the
 * 9.x performance cases one by one with nothing else running.
 *
 * <p>Stateless; thread-safe.
 */
final class ServerSideRunner {

    private ServerSideRunner() {
    }

    static ConformanceReport run(ServerUnderTest server, KitOptions options) throws Exception {
        CaseCatalog catalog = CaseCatalog.get();
        List<Integer> selected = catalog.select(options.cases());
        long started = System.nanoTime();
        URI uri = server.start();
        List<CaseResult> results = new ArrayList<>();
        try {
            List<Integer> independent = selected.stream()
                    .filter(i -> !catalog.cases().get(i - 1).performance()).toList();
            List<Integer> alone = selected.stream().filter(i -> catalog.cases().get(i - 1).performance()).toList();
            ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
                Thread t = new Thread(r, "conformance-server-side");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<CaseResult>> futures = new ArrayList<>();
                for (int index : independent) {
                    CaseDefinition def = catalog.cases().get(index - 1);
                    futures.add(pool.submit(() -> FuzzingClient.run(uri, index, def, options.full())));
                }
                for (Future<CaseResult> f : futures) {
                    results.add(get(f));
                }
            } finally {
                pool.shutdownNow();
            }
            for (int index : alone) {
                results.add(FuzzingClient.run(uri, index, catalog.cases().get(index - 1), options.full()));
            }
        } finally {
            server.stop();
        }
        results.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new ConformanceReport("server", server.name(), options.full(), results,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static CaseResult get(Future<CaseResult> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("kit failure while running a case", e.getCause());
        }
    }
}
