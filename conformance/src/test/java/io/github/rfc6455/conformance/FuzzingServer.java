package io.github.rfc6455.conformance;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kit playing the official fuzzing server for client tests, on a loopback port chosen by the system:
 * {@code /getCaseCount} sends the number of cases, {@code /runCase?case=N&agent=A} plays case N on that connection,
 * {@code /updateReports?agent=A} marks a driver run as finished. All three are WebSocket endpoints, as in the
 * official server.
 *
 * <p>Thread-safe: every connection has its own threads; results are kept in a concurrent map.
 */
final class FuzzingServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FuzzingServer.class.getName());

    private final List<CaseDefinition> cases;
    private final boolean full;
    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzzing-server-connection");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuzzing-server-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, CaseResult> results = new ConcurrentHashMap<>();
    private final AtomicInteger reportUpdates = new AtomicInteger();
    private final Set<CompletableFuture<ConnectionFacts>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    FuzzingServer(List<CaseDefinition> cases, boolean full) throws IOException {
        this.cases = List.copyOf(cases);
        this.full = full;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "fuzzing-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL drivers connect to, {@code ws://127.0.0.1:PORT}. */
    URI url() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort());
    }

    /** The result of case N (1-based), when it ran. */
    Optional<CaseResult> result(int index) {
        return Optional.ofNullable(results.get(index));
    }

    /** How many times {@code /updateReports} was called. */
    int reportUpdates() {
        return reportUpdates.get();
    }

    /** Waits until every case connection opened so far has ended and been judged (or the time is up). */
    void awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (CompletableFuture<ConnectionFacts> f : List.copyOf(running)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                f.get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // judged as it is; the report shows what happened
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        connections.shutdownNow();
        watchdog.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "fuzzing server accept failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(FuzzingClient.OPEN_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = socket.getOutputStream();
            Object checked = ServerHandshake.check(HttpHead.read(in));
            if (checked instanceof ServerHandshake.Rejection rejection) {
                reject(socket, out, rejection);
                return;
            }
            ServerHandshake.Request request = (ServerHandshake.Request) checked;
            switch (request.path()) {
                case "/getCaseCount" ->
                        open(socket, in, out, request, "getCaseCount", new CaseCount(cases.size())).start();
                case "/updateReports" -> {
                    reportUpdates.incrementAndGet();
                    open(socket, in, out, request, "updateReports", new CloseAtOnce()).start();
                }
                case "/runCase" -> runCase(socket, in, out, request);
                default -> reject(socket, out, new ServerHandshake.Rejection(404, "unknown path " + request.path()));
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "fuzzing server connection failed", e);
            closeQuietly(socket);
        }
    }

    private void runCase(Socket socket, InputStream in, OutputStream out, ServerHandshake.Request request)
            throws IOException {
        String caseParam = request.param("case");
        String agent = request.param("agent");
        int index;
        try {
            index = Integer.parseInt(caseParam);
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 1 || index > cases.size() || agent == null || agent.isEmpty()) {
            reject(socket, out, new ServerHandshake.Rejection(400,
                    "runCase needs case=1.." + cases.size() + " and agent, got case=" + caseParam + " agent=" + agent));
            return;
        }
        int n = index;
        CaseDefinition definition = cases.get(n - 1);
        TestCase run = definition.factory().create(full);
        FuzzingSession session = open(socket, in, out, request, definition.id(), run);
        long budget = (long) (definition.waitSeconds(full) * 1000) + FuzzingClient.WATCHDOG_SLACK_MS;
        var timer = watchdog.schedule(() -> session.abort("kit watchdog: case " + definition.id()
                + " did not end within " + budget + " ms"), budget, TimeUnit.MILLISECONDS);
        CompletableFuture<ConnectionFacts> done = session.start();
        running.add(done);
        done.whenComplete((facts, error) -> {
            timer.cancel(false);
            if (facts != null) {
                results.put(n, CaseRun.result(n, definition, run, facts, session.durationMs(), session.notes()));
            }
            running.remove(done);
        });
    }

    /** Answers 101 (accepting permessage-deflate as the script says) and returns the session, not yet started. */
    private FuzzingSession open(Socket socket, InputStream in, OutputStream out, ServerHandshake.Request request,
                                String name, SessionScript script) throws IOException {
        DeflateAccept policy = script.deflateAccept();
        Optional<DeflateAccept.Accepted> accepted = policy == null ? Optional.empty()
                : policy.choose(request.offers());
        out.write(ServerHandshake.accept(request.key(), accepted.map(DeflateAccept.Accepted::headerValue)
                .orElse(null)).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.setSoTimeout(0);
        return new FuzzingSession(name, socket, in, out, true,
                accepted.map(DeflateAccept.Accepted::params).orElse(null), script);
    }

    private static void reject(Socket socket, OutputStream out, ServerHandshake.Rejection rejection) {
        try {
            out.write(ServerHandshake.reject(rejection).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the client is gone
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    /** {@code /getCaseCount}: one text message with the count, then close. */
    private record CaseCount(int count) implements SessionScript {
        @Override
        public void onOpen(Fuzzer fuzzer) {
            fuzzer.sendMessage(String.valueOf(count).getBytes(StandardCharsets.UTF_8), false);
            fuzzer.sendClose(null, null);
        }
    }

    /** {@code /updateReports}: close at once. */
    private record CloseAtOnce() implements SessionScript {
        @Override
        public void onOpen(Fuzzer fuzzer) {
            fuzzer.sendClose(null, null);
        }
    }
}
