package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.testing.TestPki;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code wss}: a test CA and certificates generated at test time ({@link TestPki}); hostname verification is on by
 * default, an untrusted certificate fails, and turning verification off is explicit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTest {

    private static WebSocket.Status connect(Peer peer, String host, WebSocketOptions options, Recorder r)
            throws Exception {
        WebSocket socket = new WebSocket(options);
        socket.addListener(r);
        socket.open(URI.create("wss://" + host + ":" + peer.port() + "/"));
        while (true) {
            WebSocket.Status s = r.statuses.poll(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (s == WebSocket.Status.OPEN || s == WebSocket.Status.ERROR || s == WebSocket.Status.CLOSED || s == null) {
                if (s == WebSocket.Status.OPEN) {
                    socket.sendTextMessage("over tls");
                    assertEquals("over tls", r.text());
                    socket.close();
                    r.awaitEnd();
                }
                return s;
            }
        }
    }

    private static String errorOf(Peer peer, String host, WebSocketOptions options) throws Exception {
        WebSocket socket = new WebSocket(options);
        Recorder r = Recorder.on(socket);
        socket.open(URI.create("wss://" + host + ":" + peer.port() + "/"));
        assertEquals(WebSocket.Status.ERROR, r.awaitEnd());
        return socket.errorString();
    }

    @Test
    void trustedCertificateForTheHostConnects() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.serverContext())) {
            Recorder r = new Recorder();
            assertEquals(WebSocket.Status.OPEN, connect(peer, "localhost",
                    WebSocketOptions.builder().sslContext(TestPki.clientContext()).build(), r));
        }
    }

    @Test
    void anAddressIsVerifiedAgainstTheCertificatesIpAddresses() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.serverContext())) {
            Recorder r = new Recorder();
            assertEquals(WebSocket.Status.OPEN, connect(peer, "127.0.0.1",
                    WebSocketOptions.builder().sslContext(TestPki.clientContext()).build(), r));
        }
    }

    @Test
    void certificateForAnotherHostFailsWithAnErrorThatSaysSo() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.otherServerContext())) {
            String error = errorOf(peer, "localhost", WebSocketOptions.builder()
                    .sslContext(TestPki.clientContext()).build());
            assertTrue(error.contains("does not match the host name localhost"), error);
        }
    }

    @Test
    void untrustedCertificateFails() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.serverContext())) {
            String error = errorOf(peer, "localhost", WebSocketOptions.builder()
                    .sslContext(TestPki.untrustingClientContext()).build());
            assertTrue(error.contains("certificate is not trusted"), error);
        }
    }

    @Test
    void theDefaultContextDoesNotTrustTheTestCa() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.serverContext())) {
            String error = errorOf(peer, "localhost", WebSocketOptions.DEFAULT);
            assertTrue(error.contains("certificate is not trusted"), error);
        }
    }

    @Test
    void skippingHostnameVerificationIsExplicitAndWorks() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.otherServerContext())) {
            WebSocketOptions options = WebSocketOptions.builder().sslContext(TestPki.clientContext())
                    .insecureSkipHostnameVerification().build();
            assertEquals(false, options.verifyHostname());
            assertEquals(WebSocket.Status.OPEN, connect(peer, "localhost", options, new Recorder()));
        }
    }

    @Test
    void skippingHostnameVerificationStillRequiresATrustedChain() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.otherServerContext())) {
            String error = errorOf(peer, "localhost", WebSocketOptions.builder()
                    .sslContext(TestPki.untrustingClientContext()).insecureSkipHostnameVerification().build());
            assertTrue(error.contains("certificate is not trusted"), error);
        }
    }

    @Test
    void sendsTheHostNameWithSni() throws Exception {
        SSLContext context = TestPki.serverContext();
        SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
        SSLParameters parameters = listener.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
            @Override
            public boolean matches(SNIServerName serverName) {
                names.add(((SNIHostName) serverName).getAsciiName());
                return true;
            }
        }));
        listener.setSSLParameters(parameters);
        try (FakeServer server = new FakeServer(listener, c -> {
            c.handshake();
            c.close(1000, "");
            return c.readUntilClose().closeCode();
        })) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder().sslContext(TestPki.clientContext()).build());
            Recorder r = Recorder.on(socket);
            socket.open("wss://localhost:" + server.port() + "/");
            assertEquals(1000, server.result());
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
            assertEquals(List.of("localhost"), names);
        }
    }
}
