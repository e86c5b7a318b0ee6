package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/** {@link TestClient} over Java-WebSocket's {@link WebSocketClient} (TooTallNate). */
final class JavaWebSocketTestClient implements TestClient {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final Client client;

    private JavaWebSocketTestClient(URI uri, Draft_6455 draft) {
        client = new Client(uri, draft);
        client.setConnectionLostTimeout(0);
    }

    static TestClient.Factory factory(SSLContext tls) {
        return (uri, subprotocols) -> connect(tls, uri, subprotocols);
    }

    static JavaWebSocketTestClient connect(SSLContext tls, URI uri, List<String> subprotocols) throws Exception {
        List<IProtocol> protocols = new ArrayList<>();
        for (String p : subprotocols) {
            protocols.add(new Protocol(p));
        }
        Draft_6455 draft = protocols.isEmpty() ? new Draft_6455() : new Draft_6455(List.of(), protocols);
        JavaWebSocketTestClient test = new JavaWebSocketTestClient(uri, draft);
        if (tls != null) {
            test.client.setSocketFactory(tls.getSocketFactory());
        }
        assertTrue(test.client.connectBlocking(10, TimeUnit.SECONDS), "Java-WebSocket could not connect to " + uri);
        return test;
    }

    /** @return a client that offers the library's permessage-deflate */
    static JavaWebSocketTestClient connectWithDeflate(URI uri) throws Exception {
        JavaWebSocketTestClient test = new JavaWebSocketTestClient(uri,
                new Draft_6455(new org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension()));
        assertTrue(test.client.connectBlocking(10, TimeUnit.SECONDS), "Java-WebSocket could not connect to " + uri);
        return test;
    }

    /** The library's client, reporting into the queues. */
    private final class Client extends WebSocketClient {
        Client(URI uri, Draft_6455 draft) {
            super(uri, draft);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            messages.add(copy);
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            ByteBuffer payload = f.getPayloadData();
            byte[] copy = new byte[payload.remaining()];
            payload.get(copy);
            pongs.add(copy);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(new Closed(code, reason));
        }

        @Override
        public void onError(Exception ex) {
            closed.completeExceptionally(ex);
        }
    }

    @Override
    public void sendText(String text) {
        client.send(text);
    }

    @Override
    public void sendBinary(byte[] data) {
        client.send(data);
    }

    @Override
    public void sendTextFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            // The library writes the continuation opcode itself after the first frame.
            client.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(parts[i].getBytes(StandardCharsets.UTF_8)), i == parts.length - 1);
        }
    }

    @Override
    public void ping(byte[] payload) {
        PingFrame ping = new PingFrame();
        ping.setPayload(ByteBuffer.wrap(payload));
        client.sendFrame(ping);
    }

    @Override
    public void close(int code, String reason) {
        client.close(code, reason);
    }

    @Override
    public Object nextMessage() throws Exception {
        Object message = messages.poll(30, TimeUnit.SECONDS);
        assertNotNull(message, "no message within 30 s");
        return message;
    }

    @Override
    public byte[] nextPong() throws Exception {
        byte[] pong = pongs.poll(10, TimeUnit.SECONDS);
        assertNotNull(pong, "no pong within 10 s");
        return pong;
    }

    @Override
    public Closed awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public String subprotocol() {
        IProtocol protocol = client.getProtocol();
        return protocol == null ? null : protocol.getProvidedProtocol();
    }

    @Override
    public void close() {
        client.closeConnection(1000, "test over");
    }
}
