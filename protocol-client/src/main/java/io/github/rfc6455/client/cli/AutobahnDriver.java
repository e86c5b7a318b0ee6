package io.github.rfc6455.client.cli;

import io.github.rfc6455.client.WebSocket;
import io.github.rfc6455.client.WebSocketListener;
import io.github.rfc6455.client.WebSocketOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Drives an Autobahn testsuite fuzzingserver ({@code wstest -m fuzzingserver}), which tests this client: reads the
 * number of cases from {@code /getCaseCount}, runs {@code /runCase?case=N&agent=NAME} for each case, echoing every
 * text and binary message exactly as received until the server closes, then asks for
 * {@code /updateReports?agent=NAME}. The command line {@code autobahn URL [--agent NAME] [--cases FROM-TO]} and the
 * conformance kit both run this code.
 *
 * <p>Each case gets a fresh {@link WebSocket} with the given options (by default 16 MiB limits, as the 9.x cases
 * need, and permessage-deflate offered, as the 12.x and 13.x cases need).
 *
 * <p>Thread-safe: {@link #run} keeps no shared state; it blocks the calling thread, which must not be a client event
 * loop thread.
 */
public final class AutobahnDriver {
    /** The agent name reported to the fuzzingserver when none is given. */
    public static final String DEFAULT_AGENT = "rfc6455";
    /** The longest a single case may take before the driver drops it and goes on. */
    public static final Duration CASE_TIMEOUT = Duration.ofMinutes(5);

    /**
     * How one case ended. Immutable and thread-safe.
     *
     * @param caseNumber the case number, from 1
     * @param status {@link WebSocket.Status#CLOSED} or {@link WebSocket.Status#ERROR} (which some cases expect)
     * @param closeCode the server's close code, 1006 when none
     * @param errorString the socket's error string, empty when none
     */
    public record CaseOutcome(int caseNumber, WebSocket.Status status, int closeCode, String errorString) {
    }

    private AutobahnDriver() {
    }

    /**
     * Runs cases with the default options.
     *
     * @param url the fuzzingserver, for example {@code ws://127.0.0.1:9001}
     * @param agent the agent name the reports are filed under
     * @param fromCase the first case to run, from 1
     * @param toCase the last case to run, or 0 for the last case the server has
     * @param progress receives one line per case
     * @return the outcome of each case run
     * @throws IOException when the case count cannot be read or the reports cannot be updated
     * @throws InterruptedException when interrupted
     */
    public static List<CaseOutcome> run(String url, String agent, int fromCase, int toCase, Consumer<String> progress)
            throws IOException, InterruptedException {
        return run(url, agent, fromCase, toCase, WebSocketOptions.DEFAULT, progress);
    }

    /**
     * Runs cases.
     *
     * @param url the fuzzingserver, for example {@code ws://127.0.0.1:9001}
     * @param agent the agent name the reports are filed under
     * @param fromCase the first case to run, from 1
     * @param toCase the last case to run, or 0 for the last case the server has
     * @param options the options of every connection
     * @param progress receives one line per case
     * @return the outcome of each case run
     * @throws IOException when the case count cannot be read or the reports cannot be updated
     * @throws InterruptedException when interrupted
     */
    public static List<CaseOutcome> run(String url, String agent, int fromCase, int toCase, WebSocketOptions options,
                                        Consumer<String> progress) throws IOException, InterruptedException {
        Objects.requireNonNull(progress, "progress");
        if (fromCase < 1 || (toCase != 0 && toCase < fromCase)) {
            throw new IllegalArgumentException("invalid case range " + fromCase + "-" + toCase);
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String agentParameter = URLEncoder.encode(agent, StandardCharsets.UTF_8);
        int count = caseCount(base, options);
        int last = toCase == 0 ? count : Math.min(toCase, count);
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int n = fromCase; n <= last; n++) {
            WebSocket socket = echo(base + "/runCase?case=" + n + "&agent=" + agentParameter, options);
            WebSocket.Status status = awaitEnd(socket);
            CaseOutcome outcome = new CaseOutcome(n, status, socket.closeCode(), socket.errorString());
            outcomes.add(outcome);
            progress.accept(String.format(Locale.ROOT, "case %d/%d %s, close code %d%s", n, count,
                    status.name().toLowerCase(Locale.ROOT), outcome.closeCode(),
                    outcome.errorString().isEmpty() ? "" : ": " + outcome.errorString()));
        }
        WebSocket reports = echo(base + "/updateReports?agent=" + agentParameter, options);
        if (awaitEnd(reports) == WebSocket.Status.ERROR) {
            throw new IOException("cannot update the reports: " + reports.errorString());
        }
        return outcomes;
    }

    /** @return the number of cases the fuzzingserver has */
    private static int caseCount(String base, WebSocketOptions options) throws IOException, InterruptedException {
        WebSocket socket = new WebSocket(options);
        CompletableFuture<String> count = new CompletableFuture<>();
        socket.onTextMessageReceived(count::complete);
        socket.open(base + "/getCaseCount");
        WebSocket.Status end = awaitEnd(socket);
        if (!count.isDone()) {
            throw new IOException("no case count from " + base + "/getCaseCount: "
                    + (end == WebSocket.Status.ERROR ? socket.errorString() : "closed " + socket.closeCode()));
        }
        String text = count.join().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("invalid case count " + text, e);
        }
    }

    /** Opens a socket that echoes every message back as it came. */
    private static WebSocket echo(String url, WebSocketOptions options) {
        WebSocket socket = new WebSocket(options);
        socket.addListener(new WebSocketListener() {
            @Override
            public void onTextMessageReceived(String message) {
                socket.sendTextMessage(message);
            }

            @Override
            public void onBinaryMessageReceived(ByteBuffer message) {
                socket.sendBinaryMessage(message);
            }
        });
        socket.open(url);
        return socket;
    }

    /** Waits for the socket's connection to end; drops it after {@link #CASE_TIMEOUT}. */
    private static WebSocket.Status awaitEnd(WebSocket socket) throws InterruptedException {
        CompletableFuture<WebSocket.Status> end = new CompletableFuture<>();
        socket.onStatusChanged(status -> {
            if ((status == WebSocket.Status.CLOSED || status == WebSocket.Status.ERROR) && !socket.isActive()) {
                end.complete(status);
            }
        });
        WebSocket.Status now = socket.status();
        if ((now == WebSocket.Status.CLOSED || now == WebSocket.Status.ERROR) && !socket.isActive()) {
            end.complete(now);
        }
        try {
            return end.get(CASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            socket.abort();
            return WebSocket.Status.ERROR;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The command line: {@code autobahn URL [--agent NAME] [--cases FROM-TO]}. */
    static int main(List<String> args, PrintStream out, PrintStream err) {
        String url = null;
        String agent = DEFAULT_AGENT;
        int from = 1;
        int to = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--agent" -> agent = value(args, ++i, arg);
                case "--cases" -> {
                    String range = value(args, ++i, arg);
                    int dash = range.indexOf('-');
                    try {
                        from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                        to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--cases needs FROM-TO, for example 1-10: " + range);
                    }
                }
                default -> {
                    if (arg.startsWith("--") || url != null) {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                    url = arg;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("autobahn needs the fuzzingserver's URL, e.g. ws://127.0.0.1:9001");
        }
        try {
            List<CaseOutcome> outcomes = run(url, agent, from, to, out::println);
            out.println("ran " + outcomes.size() + " cases; reports updated for agent " + agent);
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
