package io.github.rfc6455.client;

import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import io.github.rfc6455.core.handshake.HttpHeaders;
import io.github.rfc6455.server.Session;
import io.github.rfc6455.server.WebSocketHandler;
import io.github.rfc6455.server.WebSocketServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** {@link Peer} on our own protocol-nio-server, with permessage-deflate. */
final class OurPeer extends Peer {
    private final WebSocketServer server;
    private final boolean secure;

    OurPeer(SSLContext tls) throws Exception {
        this.secure = tls != null;
        WebSocketServer.Builder b = WebSocketServer.builder()
                .threads(1)
                .daemonThreads(true)
                .threadName("test-server")
                .webSocketConfig(WebSocketConfig.builder().outgoingFrameSize(FRAGMENT)
                        .extensions(List.of(PerMessageDeflate.defaults())).build())
                .subprotocols(List.of(SUBPROTOCOLS))
                .handshakeFilter(request -> {
                    HttpHeaders headers = request.headers();
                    Map<String, String> map = new HashMap<>();
                    for (int i = 0; i < headers.size(); i++) {
                        map.put(headers.name(i).toLowerCase(Locale.ROOT), headers.value(i));
                    }
                    requests.add(map);
                    return null;
                })
                .defaultRoute(new Handler());
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls != null) {
            b.listenTls(address, tls);
        } else {
            b.listen(address);
        }
        server = b.build().start();
    }

    private final class Handler implements WebSocketHandler {
        @Override
        public void onOpen(Session session) {
            negotiatedExtensions.add(io.github.rfc6455.core.extension.ExtensionHeader.format(session.extensions()));
        }

        @Override
        public void onText(Session session, String text) {
            Object[] close = closeCommand(text);
            if (close != null) {
                session.close((Integer) close[0], (String) close[1]);
            } else {
                session.sendText(text);
            }
        }

        @Override
        public void onBinary(Session session, ByteBuffer data) {
            session.sendBinary(data);
        }

        @Override
        public void onClose(Session session, int code, String reason) {
            closes.add(code + " " + reason);
        }
    }

    @Override
    int port() {
        return server.port();
    }

    @Override
    boolean secure() {
        return secure;
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(2)).join();
    }
}
