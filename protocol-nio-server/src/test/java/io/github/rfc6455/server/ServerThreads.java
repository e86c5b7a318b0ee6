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
     * Checks that the loops hold exactly {@code expected} channels. A closed channel's key leaves the selector at
     * the loop's next select, which each round trip to the loops causes, so two round trips settle it.
     */
    static void assertRegistrations(WebSocketServer server, int expected) throws Exception {
        int found = -1;
        for (int round = 0; round < 3 && found != expected; round++) {
            found = server.registrations();
        }
        assertEquals(expected, found, "channels registered with the event loops");
    }
}
