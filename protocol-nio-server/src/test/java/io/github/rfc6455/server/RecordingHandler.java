package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A handler that writes down every event as a line of text (and echoes messages when asked to), so tests can check
 * what the server saw and in which order. Events: {@code open}, {@code text:T}, {@code binary:N}, {@code ping:P},
 * {@code pong:P}, {@code error:CODE}, {@code close:CODE:REASON}.
 *
 * <p>Thread-safe.
 */
class RecordingHandler implements WebSocketHandler {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<Session> opened = new LinkedBlockingQueue<>();
    private final boolean echo;

    RecordingHandler(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void onOpen(Session session) {
        opened.add(session);
        events.add("open");
    }

    @Override
    public void onText(Session session, String text) {
        events.add("text:" + text);
        if (echo) {
            session.sendText(text);
        }
    }

    @Override
    public void onBinary(Session session, ByteBuffer data) {
        events.add("binary:" + data.remaining());
        if (echo) {
            session.sendBinary(data);
        }
    }

    @Override
    public void onPing(Session session, ByteBuffer payload) {
        events.add("ping:" + StandardCharsets.UTF_8.decode(payload));
    }

    @Override
    public void onPong(Session session, ByteBuffer payload) {
        events.add("pong:" + StandardCharsets.UTF_8.decode(payload));
    }

    @Override
    public void onError(Session session, WebSocketException error) {
        events.add("error:" + error.closeCode());
    }

    @Override
    public void onClose(Session session, int code, String reason) {
        events.add("close:" + code + ":" + reason);
    }

    /** @return the next event; fails after 10 s */
    String next() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no server event within 10 s");
        return event;
    }

    /** @return the next event starting with the prefix, skipping others; fails after 10 s */
    String next(String prefix) throws InterruptedException {
        while (true) {
            String event = next();
            if (event.startsWith(prefix)) {
                return event;
            }
        }
    }

    /** @return the next opened session; fails after 10 s */
    Session nextSession() throws InterruptedException {
        Session session = opened.poll(10, TimeUnit.SECONDS);
        assertNotNull(session, "no session opened within 10 s");
        return session;
    }
}
