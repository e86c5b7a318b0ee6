package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

/** Test helpers that look at what a server holds: its threads and its selector registrations. */
final class ServerThreads {
    private ServerThreads() {
    }

    /** @return the live threads whose names start with the prefix */
    static List<Thread> named(String prefix) {
        List<Thread> threads = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** Checks that each thread ends within 5 s. */
    static void assertEnded(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(5000);
            assertFalse(t.isAlive(), () -> t.getName() + " is still running");
        }
    }

    /**
     * Checks that the loops come to hold exactly {@code expected} channels within 10 s. After a closing handshake the
     * server keeps a socket registered until the peer's FIN arrives (RFC 6455 section 7.1.1: the server closes TCP
     * first, then drains), and a closed channel's key leaves the selector at the loop's next select; each call of
     * {@link WebSocketServer#registrations()} is a round trip through every loop, so repeating it lets both happen.
     */
    static void assertRegistrations(WebSocketServer server, int expected) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        int found = server.registrations();
        while (found != expected && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
            found = server.registrations();
        }
        assertEquals(expected, found, "channels registered with the event loops");
    }
}
