package io.github.rfc6455.conformance;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kit playing the official fuzzing client against a server: runs one case on a fresh connection.
 *
 * <p>Stateless; thread-safe (each call uses its own connection).
 */
final class FuzzingClient {

    /** {@code openHandshakeTimeout} of the official fuzzer. */
    static final int OPEN_TIMEOUT_MS = 5000;
    /** Extra time the watchdog gives a case beyond its own timers. */
    static final long WATCHDOG_SLACK_MS = 10_000;

    private FuzzingClient() {
    }

    static CaseResult run(URI server, int index, CaseDefinition definition, boolean full) {
        TestCase run = definition.factory().create(full);
        Socket socket = new Socket();
        InputStream in;
        ClientHandshake.Outcome outcome;
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), OPEN_TIMEOUT_MS);
            socket.setSoTimeout(OPEN_TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            outcome = ClientHandshake.perform(in, socket.getOutputStream(), server, run.deflateOffers());
            socket.setSoTimeout(0);
        } catch (IOException e) {
            closeQuietly(socket);
            String reason = "opening handshake failed: " + e.getMessage();
            ConnectionFacts facts = CaseRun.neverOpened(false, reason);
            run.onConnectionLost(facts);
            return CaseRun.result(index, definition, run, facts, 0, List.of(reason));
        }
        FuzzingSession session;
        try {
            session = new FuzzingSession(definition.id(), socket, in, socket.getOutputStream(), false,
                    outcome.deflate(), run);
        } catch (IOException e) {
            closeQuietly(socket);
            return CaseRun.failed(index, definition, full, false, "cannot use the socket: " + e.getMessage());
        }
        CompletableFuture<ConnectionFacts> done = session.start();
        long budget = (long) (definition.waitSeconds(full) * 1000) + WATCHDOG_SLACK_MS;
        ConnectionFacts facts = await(done, session, budget, definition.id());
        if (facts == null) {
            return CaseRun.failed(index, definition, full, false, "the case did not end even after an abort");
        }
        return CaseRun.result(index, definition, run, facts, session.durationMs(), session.notes());
    }

    /** Waits for a session, aborting it after {@code budgetMs}; {@code null} when even the abort did not end it. */
    static ConnectionFacts await(CompletableFuture<ConnectionFacts> done, FuzzingSession session, long budgetMs,
                                 String id) {
        try {
            return done.get(budgetMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            session.abort("kit watchdog: case " + id + " did not end within " + budgetMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.abort("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
