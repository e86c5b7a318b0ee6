package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a socket's events for tests; every wait is bounded. */
final class Recorder implements WebSocketListener {
    static final long TIMEOUT_SECONDS = 20;

    /** A text or binary frame event. */
    record Frame(boolean text, byte[] data, String chars, boolean last) {
    }

    /** A pong event. */
    record Pong(Duration elapsed, byte[] payload) {
    }

    /** A reconnect event. */
    record Reconnect(int attempt, int maxAttempts, Duration delay) {
    }

    final BlockingQueue<WebSocket.Status> statuses = new LinkedBlockingQueue<>();
    final List<WebSocket.Status> statusHistory = new ArrayList<>();
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<Pong> pongs = new LinkedBlockingQueue<>();
    final BlockingQueue<Reconnect> reconnects = new LinkedBlockingQueue<>();
    volatile String loopThread;

    static Recorder on(WebSocket socket) {
        Recorder r = new Recorder();
        socket.addListener(r);
        return r;
    }

    @Override
    public void onStatusChanged(WebSocket.Status status) {
        loopThread = Thread.currentThread().getName();
        synchronized (statusHistory) {
            statusHistory.add(status);
        }
        statuses.add(status);
    }

    @Override
    public void onTextMessageReceived(String message) {
        texts.add(message);
    }

    @Override
    public void onBinaryMessageReceived(ByteBuffer message) {
        byte[] copy = new byte[message.remaining()];
        message.get(copy);
        binaries.add(copy);
    }

    @Override
    public void onTextFrameReceived(String frame, boolean isLastFrame) {
        frames.add(new Frame(true, null, frame, isLastFrame));
    }

    @Override
    public void onBinaryFrameReceived(ByteBuffer frame, boolean isLastFrame) {
        byte[] copy = new byte[frame.remaining()];
        frame.get(copy);
        frames.add(new Frame(false, copy, null, isLastFrame));
    }

    @Override
    public void onPong(Duration elapsedTime, ByteBuffer payload) {
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        pongs.add(new Pong(elapsedTime, copy));
    }

    @Override
    public void onReconnecting(int attempt, int maxAttempts, Duration delay) {
        reconnects.add(new Reconnect(attempt, maxAttempts, delay));
    }

    /** Waits for the given status, failing when another terminal status comes first. */
    void awaitStatus(WebSocket.Status expected) throws InterruptedException {
        while (true) {
            WebSocket.Status s = statuses.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (s == null) {
                fail("no status " + expected + " within " + TIMEOUT_SECONDS + " s; saw " + history());
            }
            if (s == expected) {
                return;
            }
            if (s == WebSocket.Status.ERROR || s == WebSocket.Status.CLOSED) {
                fail("expected " + expected + " but the socket ended with " + s + "; saw " + history());
            }
        }
    }

    /** Waits for the next CLOSED or ERROR status. */
    WebSocket.Status awaitEnd() throws InterruptedException {
        while (true) {
            WebSocket.Status s = statuses.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(s, "the socket did not end within " + TIMEOUT_SECONDS + " s; saw " + history());
            if (s == WebSocket.Status.ERROR || s == WebSocket.Status.CLOSED) {
                return s;
            }
        }
    }

    String text() throws InterruptedException {
        String t = texts.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(t, "no text message within " + TIMEOUT_SECONDS + " s");
        return t;
    }

    byte[] binary() throws InterruptedException {
        byte[] b = binaries.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(b, "no binary message within " + TIMEOUT_SECONDS + " s");
        return b;
    }

    Frame frame() throws InterruptedException {
        Frame f = frames.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(f, "no frame within " + TIMEOUT_SECONDS + " s");
        return f;
    }

    Pong pong() throws InterruptedException {
        Pong p = pongs.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(p, "no pong within " + TIMEOUT_SECONDS + " s");
        return p;
    }

    Reconnect reconnect() throws InterruptedException {
        Reconnect r = reconnects.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(r, "no reconnect within " + TIMEOUT_SECONDS + " s");
        return r;
    }

    List<WebSocket.Status> history() {
        synchronized (statusHistory) {
            return List.copyOf(statusHistory);
        }
    }
}
