package io.github.rfc6455.client;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * The listeners of one socket: copy-on-write, so dispatching allocates nothing and registration may happen on any
 * thread, even from inside a listener. A listener that throws is logged and skipped. Each listener gets the buffer
 * with the position and limit it had before the first.
 *
 * <p>Thread-safe; dispatch runs on the socket's event loop.
 */
final class Listeners {
    private static final System.Logger LOG = System.getLogger(WebSocket.class.getName());
    private static final WebSocketListener[] NONE = {};

    private volatile WebSocketListener[] all = NONE;

    Registration add(WebSocketListener listener) {
        synchronized (this) {
            WebSocketListener[] grown = Arrays.copyOf(all, all.length + 1);
            grown[grown.length - 1] = listener;
            all = grown;
        }
        return () -> remove(listener);
    }

    private synchronized void remove(WebSocketListener listener) {
        WebSocketListener[] current = all;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == listener) {
                WebSocketListener[] shrunk = new WebSocketListener[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                all = shrunk;
                return;
            }
        }
    }

    void statusChanged(WebSocket.Status status) {
        for (WebSocketListener l : all) {
            try {
                l.onStatusChanged(status);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    void textMessage(String message) {
        for (WebSocketListener l : all) {
            try {
                l.onTextMessageReceived(message);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    void binaryMessage(ByteBuffer message) {
        int position = message.position();
        int limit = message.limit();
        for (WebSocketListener l : all) {
            try {
                l.onBinaryMessageReceived(message);
            } catch (RuntimeException e) {
                failed(e);
            }
            message.limit(limit).position(position);
        }
    }

    void textFrame(String frame, boolean last) {
        for (WebSocketListener l : all) {
            try {
                l.onTextFrameReceived(frame, last);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    void binaryFrame(ByteBuffer frame, boolean last) {
        int position = frame.position();
        int limit = frame.limit();
        for (WebSocketListener l : all) {
            try {
                l.onBinaryFrameReceived(frame, last);
            } catch (RuntimeException e) {
                failed(e);
            }
            frame.limit(limit).position(position);
        }
    }

    void pong(Duration elapsed, ByteBuffer payload) {
        int position = payload.position();
        int limit = payload.limit();
        for (WebSocketListener l : all) {
            try {
                l.onPong(elapsed, payload);
            } catch (RuntimeException e) {
                failed(e);
            }
            payload.limit(limit).position(position);
        }
    }

    void reconnecting(int attempt, int maxAttempts, Duration delay) {
        for (WebSocketListener l : all) {
            try {
                l.onReconnecting(attempt, maxAttempts, delay);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    private static void failed(RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a WebSocket listener threw", e);
    }
}
