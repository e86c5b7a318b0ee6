package io.github.rfc6455.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection pump serving an echo engine talks to the JDK's WebSocket client over loopback. */
class ConnectionEchoTest {
    private final EventLoop loop = new EventLoop("test-loop", 64 * 1024, 50, true);

    @AfterEach
    void stop() throws Exception {
        loop.shutdown().get(5, TimeUnit.SECONDS);
    }

    private int startEchoServer(ServerSocketChannel server) throws Exception {
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        server.configureBlocking(false);
        CompletableFuture<Void> registered = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                loop.register(server, SelectionKey.OP_ACCEPT, key -> accept(server));
                registered.complete(null);
            } catch (Exception e) {
                registered.completeExceptionally(e);
            }
        });
        registered.get(5, TimeUnit.SECONDS);
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private void accept(ServerSocketChannel server) {
        try {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
                Connection connection = new Connection(loop, ch, TransportConfig.DEFAULT, null, new TransportListener() { });
                WebSocketEngine[] engine = new WebSocketEngine[1];
                engine[0] = WebSocketEngine.server(WebSocketConfig.DEFAULT, new EngineListener() {
                    @Override
                    public void onText(String text) {
                        engine[0].sendText(text, null);
                    }

                    @Override
                    public void onBinary(ByteBuffer data) {
                        engine[0].sendBinary(data, null);
                    }
                }, connection);
                connection.attach(engine[0]);
                connection.startAccepted();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void echoesTextAndBinaryThenClosesCleanly() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            int port = startEchoServer(server);
            LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();
                        private int binary;

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                received.add(text.toString());
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                            binary += data.remaining();
                            if (last) {
                                received.add(binary);
                                binary = 0;
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            ws.sendText("héllo wörld", true).get(5, TimeUnit.SECONDS);
            assertEquals("héllo wörld", received.poll(5, TimeUnit.SECONDS));
            ws.sendBinary(ByteBuffer.allocate(300_000), true).get(5, TimeUnit.SECONDS);
            assertEquals(300_000, received.poll(5, TimeUnit.SECONDS));
            ws.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
            assertEquals(1000, closed.get(5, TimeUnit.SECONDS));
        }
    }
}
