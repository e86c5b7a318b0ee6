package io.github.rfc6455.server;

import javax.net.ssl.SSLContext;

/** The server against Java-WebSocket's client (org.java-websocket). */
class JavaWebSocketInteropTest extends ClientInteropContract {
    @Override
    TestClient.Factory clients(SSLContext tls) {
        return JavaWebSocketTestClient.factory(tls);
    }
}
