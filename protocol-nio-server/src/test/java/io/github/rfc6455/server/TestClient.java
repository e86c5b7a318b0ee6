package io.github.rfc6455.server;

import java.net.URI;
import java.util.List;

/**
 * What the interoperability tests need from an independently written WebSocket client library: one adapter per
 * library. Received messages are collected; the await methods time out instead of hanging.
 *
 * <p>Implementations are thread-safe enough for one test thread plus the library's own threads.
 */
interface TestClient extends AutoCloseable {

    /** How a test connects a client. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param uri a ws:// or wss:// URI on loopback
         * @param subprotocols the subprotocols to request, possibly empty
         * @return an open client
         */
        TestClient connect(URI uri, List<String> subprotocols) throws Exception;
    }

    /** A close as the client saw it. */
    record Closed(int code, String reason) {
    }

    void sendText(String text) throws Exception;

    void sendBinary(byte[] data) throws Exception;

    /** Sends one text message as several frames: the first part, continuations, the last with FIN. */
    void sendTextFragments(String... parts) throws Exception;

    void ping(byte[] payload) throws Exception;

    void close(int code, String reason) throws Exception;

    /** @return the next whole message, a String or a byte[]; fails after a timeout */
    Object nextMessage() throws Exception;

    /** @return the payload of the next pong; fails after a timeout */
    byte[] nextPong() throws Exception;

    /** @return how the connection closed; fails after a timeout */
    Closed awaitClose() throws Exception;

    /** @return the negotiated subprotocol, null or empty for none */
    String subprotocol();
}
