package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.testing.TestPki;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tunnelling through an HTTP proxy with CONNECT, plain and with TLS end to end. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyTest {

    private static void echoThrough(HttpProxy proxy, Peer peer, WebSocketOptions.Builder options) throws Exception {
        WebSocket socket = new WebSocket(options.proxy(proxy).build());
        Recorder r = Recorder.on(socket);
        socket.open(peer.uri("/via-proxy")).get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        socket.sendTextMessage("through the tunnel");
        assertEquals("through the tunnel", r.text());
        socket.sendBinaryMessage(new byte[70_000]);
        assertEquals(70_000, r.binary().length);
        socket.close();
        assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
    }

    @Test
    void tunnelsPlainWebSocketsThroughConnect() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(null); TinyProxy proxy = new TinyProxy(null)) {
            echoThrough(HttpProxy.of("127.0.0.1", proxy.port()), peer, WebSocketOptions.builder());
            String head = proxy.requests.poll(5, TimeUnit.SECONDS);
            assertTrue(head.startsWith("CONNECT 127.0.0.1:" + peer.port() + " HTTP/1.1\r\n"), head);
            assertTrue(head.contains("\r\nHost: 127.0.0.1:" + peer.port() + "\r\n"), head);
        }
    }

    @Test
    void tunnelsTlsEndToEnd() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(TestPki.serverContext()); TinyProxy proxy = new TinyProxy(null)) {
            echoThrough(HttpProxy.of("127.0.0.1", proxy.port()), peer,
                    WebSocketOptions.builder().sslContext(TestPki.clientContext()));
            String head = proxy.requests.poll(5, TimeUnit.SECONDS);
            assertTrue(head.startsWith("CONNECT localhost:" + peer.port() + " HTTP/1.1\r\n"), head);
        }
    }

    @Test
    void sendsBasicCredentials() throws Exception {
        // base64("user:secret")
        try (Peer peer = Peer.Kind.OURS.start(null); TinyProxy proxy = new TinyProxy("Basic dXNlcjpzZWNyZXQ=")) {
            echoThrough(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials("user", "secret"), peer,
                    WebSocketOptions.builder());
        }
    }

    @Test
    void aRefusingProxyIsAnError() throws Exception {
        try (Peer peer = Peer.Kind.OURS.start(null); TinyProxy proxy = new TinyProxy("Basic dXNlcjpzZWNyZXQ=")) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder()
                    .proxy(HttpProxy.of("127.0.0.1", proxy.port())).build());
            Recorder r = Recorder.on(socket);
            socket.open(peer.uri("/"));
            assertEquals(WebSocket.Status.ERROR, r.awaitEnd());
            assertTrue(socket.errorString().contains("the proxy refused CONNECT 127.0.0.1:" + peer.port()
                    + ": 407 Proxy Authentication Required"), socket.errorString());
        }
    }
}
