package io.github.rfc6455.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket server the client is tested against, behaving the same whoever wrote it: echoes every message
 * (fragmenting those over {@link #FRAGMENT} bytes), selects the first of its subprotocols {@link #SUBPROTOCOLS} the
 * client asked for, closes with code C and reason R when it receives the text {@code close:C:R}, records the headers
 * of each upgrade request (lower-case names) and the code and reason of each close it sees.
 */
abstract class Peer implements AutoCloseable {
    static final int FRAGMENT = 64 * 1024;
    static final String[] SUBPROTOCOLS = {"v2.chat", "v1.chat"};

    /** The peers. */
    enum Kind {
        /** Our protocol-nio-server. */
        OURS,
        /** Java-WebSocket's server, written independently. */
        JAVA_WEBSOCKET;

        Peer start(SSLContext tls) throws Exception {
            return this == OURS ? new OurPeer(tls) : new JavaWebSocketPeer(tls);
        }
    }

    final BlockingQueue<Map<String, String>> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<String> closes = new LinkedBlockingQueue<>();
    /** The {@code Sec-WebSocket-Extensions} the server answered with, per connection ("" for none). */
    final BlockingQueue<String> negotiatedExtensions = new LinkedBlockingQueue<>();

    /** @return the port */
    abstract int port();

    /** Stops the server. */
    @Override
    public abstract void close();

    /** @return true when serving wss */
    abstract boolean secure();

    /**
     * @param path the path and query
     * @return the URL of the path, with host {@code localhost} for TLS (the test certificate's name)
     */
    URI uri(String path) {
        return URI.create((secure() ? "wss://localhost:" : "ws://127.0.0.1:") + port() + path);
    }

    /** @return null to accept a close command, else the parsed code and reason */
    static Object[] closeCommand(String text) {
        if (!text.startsWith("close:")) {
            return null;
        }
        int colon = text.indexOf(':', 6);
        return new Object[] {Integer.parseInt(text.substring(6, colon)), text.substring(colon + 1)};
    }
}
