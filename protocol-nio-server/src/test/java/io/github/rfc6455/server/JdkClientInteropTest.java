package io.github.rfc6455.server;

import javax.net.ssl.SSLContext;

/** The server against the JDK's {@code java.net.http.WebSocket} client. */
class JdkClientInteropTest extends ClientInteropContract {
    @Override
    TestClient.Factory clients(SSLContext tls) {
        return JdkTestClient.factory(tls);
    }
}
