package io.github.rfc6455.client.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A UTF-8 print stream whose lines a test can wait for. */
final class Lines extends OutputStream {
    static final long TIMEOUT_SECONDS = 20;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String s = line.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r")) {
                s = s.substring(0, s.length() - 1);
            }
            line.reset();
            all.add(s);
            queue.add(s);
        } else {
            line.write(b);
        }
    }

    /** @return the next line, waiting a bounded time */
    String next() throws InterruptedException {
        String s = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(s, "no line within " + TIMEOUT_SECONDS + " s; so far " + all());
        return s;
    }

    /** Waits for a line equal to, or starting with, the prefix. */
    String await(String prefix) throws InterruptedException {
        while (true) {
            String s = next();
            if (s.startsWith(prefix)) {
                return s;
            }
        }
    }

    synchronized List<String> all() {
        return List.copyOf(all);
    }
}
