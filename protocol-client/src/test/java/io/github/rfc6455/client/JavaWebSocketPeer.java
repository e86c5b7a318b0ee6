package io.github.rfc6455.client;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/** {@link Peer} on Java-WebSocket's server (no permessage-deflate). */
final class JavaWebSocketPeer extends Peer {
    private final Server server;
    private final boolean secure;

    JavaWebSocketPeer(SSLContext tls) throws Exception {
        this.secure = tls != null;
        List<IProtocol> protocols = List.of(new Protocol(SUBPROTOCOLS[0]), new Protocol(SUBPROTOCOLS[1]),
                new Protocol(""));
        server = new Server(List.of(new Draft_6455(List.of(), protocols)));
        if (tls != null) {
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
        server.setReuseAddr(true);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Java-WebSocket server did not start");
        }
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Server(List<Draft> drafts) {
            super(new InetSocketAddress("127.0.0.1", 0), drafts);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            Map<String, String> map = new HashMap<>();
            for (Iterator<String> it = handshake.iterateHttpFields(); it.hasNext(); ) {
                String name = it.next();
                map.put(name.toLowerCase(Locale.ROOT), handshake.getFieldValue(name));
            }
            requests.add(map);
            negotiatedExtensions.add("");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            Object[] close = closeCommand(message);
            if (close != null) {
                conn.close((Integer) close[0], (String) close[1]);
                return;
            }
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > FRAGMENT) {
                sendFragmented(conn, Opcode.TEXT, ByteBuffer.wrap(bytes));
            } else {
                conn.send(message);
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            if (message.remaining() > FRAGMENT) {
                sendFragmented(conn, Opcode.BINARY, message);
            } else {
                conn.send(message);
            }
        }

        private void sendFragmented(WebSocket conn, Opcode opcode, ByteBuffer data) {
            while (data.hasRemaining()) {
                int n = Math.min(FRAGMENT, data.remaining());
                ByteBuffer chunk = data.slice();
                chunk.limit(n);
                data.position(data.position() + n);
                conn.sendFragmentedFrame(opcode, chunk, !data.hasRemaining());
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closes.add(code + " " + reason);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // reported through onClose
        }
    }

    @Override
    int port() {
        return server.getPort();
    }

    @Override
    boolean secure() {
        return secure;
    }

    @Override
    public void close() {
        try {
            server.stop(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
