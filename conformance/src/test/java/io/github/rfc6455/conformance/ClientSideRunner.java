package io.github.rfc6455.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the selected cases against a client driver: the kit's fuzzing server listens, the driver runs contiguous case
 * ranges ({@code --cases FROM-TO}); independent ranges run in up to {@link KitOptions#parallelism()} driver runs at
 * once, the 9.x performance cases in one driver run with nothing else running. A case the driver never ran is FAILED.
 *
 * <p>Stateless; thread-safe.
 */
final class ClientSideRunner {

    /** A contiguous range of case numbers, inclusive. */
    record Range(int from, int to) {
        int size() {
            return to - from + 1;
        }
    }

    private static final System.Logger LOG = System.getLogger(ClientSideRunner.class.getName());

    private ClientSideRunner() {
    }

    static ConformanceReport run(ClientUnderTest client, KitOptions options) throws Exception {
        CaseCatalog catalog = CaseCatalog.get();
        List<Integer> selected = catalog.select(options.cases());
        String agent = client.name();
        long started = System.nanoTime();
        List<CaseResult> results = new ArrayList<>();
        try (FuzzingServer server = new FuzzingServer(catalog.cases(), options.full())) {
            List<Integer> independent = selected.stream()
                    .filter(i -> !catalog.cases().get(i - 1).performance()).toList();
            List<Integer> alone = selected.stream().filter(i -> catalog.cases().get(i - 1).performance()).toList();
            List<List<Range>> groups = split(ranges(independent), options.parallelism());
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, groups.size()), r -> {
                Thread t = new Thread(r, "conformance-client-side");
                t.setDaemon(true);
                return t;
            });
            List<String> driverErrors = new ArrayList<>();
            try {
                List<Future<List<String>>> futures = new ArrayList<>();
                for (List<Range> group : groups) {
                    futures.add(pool.submit(() -> runRanges(client, server, agent, group, catalog, options)));
                }
                for (Future<List<String>> f : futures) {
                    driverErrors.addAll(get(f));
                }
            } finally {
                pool.shutdownNow();
            }
            driverErrors.addAll(runRanges(client, server, agent, ranges(alone), catalog, options));
            server.awaitIdle(FuzzingClient.WATCHDOG_SLACK_MS + 5_000);
            if (server.reportUpdates() == 0) {
                LOG.log(System.Logger.Level.WARNING, "the client driver never opened /updateReports");
            }
            for (int index : selected) {
                CaseDefinition def = catalog.cases().get(index - 1);
                results.add(server.result(index).orElseGet(() -> CaseRun.failed(index, def, options.full(), true,
                        "Missing: the client never ran this case" + (driverErrors.isEmpty() ? ""
                                : " (driver: " + String.join("; ", driverErrors) + ")"))));
            }
        }
        return new ConformanceReport("client", agent, options.full(), results,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<String> runRanges(ClientUnderTest client, FuzzingServer server, String agent,
                                          List<Range> ranges, CaseCatalog catalog, KitOptions options) {
        List<String> errors = new ArrayList<>();
        for (Range range : ranges) {
            double budget = 30;
            for (int i = range.from(); i <= range.to(); i++) {
                budget += Math.min(catalog.cases().get(i - 1).waitSeconds(options.full()), 30) + 2;
            }
            try {
                client.run(server.url(), agent, range.from(), range.to(), Duration.ofMillis((long) (budget * 1000)));
            } catch (Exception e) {
                errors.add("cases " + range.from() + "-" + range.to() + ": " + e);
            }
        }
        return errors;
    }

    /** Contiguous runs of case numbers. */
    static List<Range> ranges(List<Integer> indices) {
        List<Range> out = new ArrayList<>();
        int i = 0;
        while (i < indices.size()) {
            int from = indices.get(i);
            int to = from;
            while (i + 1 < indices.size() && indices.get(i + 1) == to + 1) {
                to = indices.get(++i);
            }
            out.add(new Range(from, to));
            i++;
        }
        return out;
    }

    /** Splits ranges into at most {@code parts} groups of about equal case counts, in order. */
    static List<List<Range>> split(List<Range> ranges, int parts) {
        int total = ranges.stream().mapToInt(Range::size).sum();
        List<List<Range>> groups = new ArrayList<>();
        if (total == 0) {
            return groups;
        }
        int per = (total + parts - 1) / parts;
        List<Range> current = new ArrayList<>();
        int filled = 0;
        for (Range r : ranges) {
            int from = r.from();
            while (from <= r.to()) {
                int take = Math.min(per - filled, r.to() - from + 1);
                current.add(new Range(from, from + take - 1));
                filled += take;
                from += take;
                if (filled == per) {
                    groups.add(current);
                    current = new ArrayList<>();
                    filled = 0;
                }
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static List<String> get(Future<List<String>> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return List.of(String.valueOf(e.getCause()));
        }
    }
}
