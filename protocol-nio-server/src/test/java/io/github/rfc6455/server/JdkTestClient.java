package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** {@link TestClient} over the JDK's {@code java.net.http.WebSocket}. */
final class JdkTestClient implements TestClient, WebSocket.Listener {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket webSocket;

    static TestClient.Factory factory(SSLContext tls) {
        return (uri, subprotocols) -> connect(tls, uri, subprotocols);
    }

    static JdkTestClient connect(SSLContext tls, URI uri, List<String> subprotocols) throws Exception {
        HttpClient.Builder http = HttpClient.newBuilder();
        if (tls != null) {
            http.sslContext(tls);
        }
        WebSocket.Builder builder = http.build().newWebSocketBuilder();
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0),
                    subprotocols.subList(1, subprotocols.size()).toArray(new String[0]));
        }
        JdkTestClient client = new JdkTestClient();
        client.webSocket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            messages.add(binary.toByteArray());
            binary.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        byte[] payload = new byte[message.remaining()];
        message.get(payload);
        pongs.add(payload);
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null; // the JDK then answers with a Close frame of the same code
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void sendText(String message) throws Exception {
        webSocket.sendText(message, true).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void sendBinary(byte[] data) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(data), true).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void sendTextFragments(String... parts) throws Exception {
        for (int i = 0; i < parts.length; i++) {
            webSocket.sendText(parts[i], i == parts.length - 1).get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void ping(byte[] payload) throws Exception {
        webSocket.sendPing(ByteBuffer.wrap(payload)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close(int code, String reason) throws Exception {
        webSocket.sendClose(code, reason).get(10, TimeUnit.SECONDS);
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
        return webSocket.getSubprotocol();
    }

    @Override
    public void close() {
        webSocket.abort();
    }
}
