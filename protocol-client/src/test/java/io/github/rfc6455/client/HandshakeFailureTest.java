package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers that do not complete the opening handshake correctly (RFC 6455 section 4.1): the socket ends in ERROR. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandshakeFailureTest {

    /** Opens a socket to the fake server and returns its error string once it is in ERROR. */
    private static String failedOpen(FakeServer server, WebSocketOptions options, List<String> subprotocols)
            throws Exception {
        WebSocket socket = new WebSocket(options);
        Recorder r = Recorder.on(socket);
        socket.setRequestedSubprotocols(subprotocols);
        CompletableFuture<WebSocket> opened = socket.open(server.uri());
        assertEquals(WebSocket.Status.ERROR, r.awaitEnd());
        assertEquals(List.of(WebSocket.Status.CONNECTING, WebSocket.Status.ERROR), r.history());
        ExecutionException e = assertThrows(ExecutionException.class, () -> opened.get(5, TimeUnit.SECONDS));
        assertInstanceOf(WebSocketException.class, e.getCause());
        assertEquals(socket.errorString(), e.getCause().getMessage());
        assertFalse(socket.isActive(), "a failed socket without reconnect becomes inactive");
        return socket.errorString();
    }

    private static String failedOpen(FakeServer.Script script) throws Exception {
        try (FakeServer server = new FakeServer(script)) {
            return failedOpen(server, WebSocketOptions.DEFAULT, List.of());
        }
    }

    @Test
    void wrongSecWebSocketAccept() throws Exception {
        String error = failedOpen(c -> {
            c.readRequest();
            c.writeAscii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
            return c.clientClosed();
        });
        assertTrue(error.startsWith("opening handshake failed"), error);
        assertTrue(error.contains("Sec-WebSocket-Accept"), error);
    }

    @Test
    void missingSecWebSocketAccept() throws Exception {
        String error = failedOpen(c -> {
            c.readRequest();
            c.writeAscii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
            return c.clientClosed();
        });
        assertTrue(error.contains("missing Sec-WebSocket-Accept"), error);
    }

    @Test
    void nonSwitchingStatusIsInTheErrorString() throws Exception {
        String error = failedOpen(c -> {
            c.readRequest();
            c.writeAscii("HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nforbidden");
            return null;
        });
        assertTrue(error.contains("403 Forbidden"), error);
    }

    @Test
    void okInsteadOfSwitchingProtocols() throws Exception {
        String error = failedOpen(c -> {
            c.readRequest();
            c.writeAscii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            return null;
        });
        assertTrue(error.contains("200"), error);
    }

    @Test
    void missingUpgradeHeader() throws Exception {
        String error = failedOpen(c -> {
            String key;
            c.readRequest();
            key = c.header("Sec-WebSocket-Key");
            c.writeAscii("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + io.github.rfc6455.core.handshake.SecWebSocketAccept.forKey(key) + "\r\n\r\n");
            return null;
        });
        assertTrue(error.contains("Upgrade"), error);
    }

    @Test
    void subprotocolThatWasNotRequested() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake("Sec-WebSocket-Protocol: mqtt");
            return c.header("Sec-WebSocket-Protocol");
        })) {
            String error = failedOpen(server, WebSocketOptions.DEFAULT, List.of("chat"));
            assertEquals("chat", server.result());
            assertTrue(error.contains("mqtt"), error);
        }
    }

    @Test
    void subprotocolWhenNoneWasRequested() throws Exception {
        String error = failedOpen(c -> {
            c.handshake("Sec-WebSocket-Protocol: chat");
            return null;
        });
        assertTrue(error.contains("chat"), error);
    }

    @Test
    void extensionThatWasNotOffered() throws Exception {
        String error = failedOpen(c -> {
            c.handshake("Sec-WebSocket-Extensions: x-webkit-deflate-frame");
            return null;
        });
        assertTrue(error.contains("x-webkit-deflate-frame"), error);
    }

    @Test
    void permessageDeflateWhenItWasNotOffered() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake("Sec-WebSocket-Extensions: permessage-deflate");
            return c.header("Sec-WebSocket-Extensions");
        })) {
            String error = failedOpen(server, WebSocketOptions.builder().perMessageDeflate(false).build(), List.of());
            assertEquals(null, server.result(), "nothing offered");
            assertTrue(error.contains("permessage-deflate"), error);
        }
    }

    @Test
    void permessageDeflateWithAnInvalidParameter() throws Exception {
        String error = failedOpen(c -> {
            c.handshake("Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=20");
            return null;
        });
        assertTrue(error.contains("server_max_window_bits"), error);
    }

    @Test
    void garbageInsteadOfAnHttpResponse() throws Exception {
        String error = failedOpen(c -> {
            c.readRequest();
            c.writeAscii("SSH-2.0-OpenSSH_9.6\r\n\r\n");
            return null;
        });
        assertTrue(error.startsWith("opening handshake failed"), error);
    }

    @Test
    void serverClosesBeforeTheHandshakeCompletes() throws Exception {
        String error = failedOpen(c -> {
            c.readRequest();
            c.writeAscii("HTTP/1.1 101 Switching Protocols\r\n");
            return null;
        });
        assertTrue(error.contains("before the handshake completed")
                || error.contains("before the opening handshake completed"), error);
    }

    @Test
    void serverThatNeverFinishesTheHandshakeTimesOut() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest();
            c.writeAscii("HTTP/1.1 101 Switching Protocols\r\n"); // and nothing more
            return c.clientClosed();
        })) {
            String error = failedOpen(server, WebSocketOptions.builder().handshakeTimeout(Duration.ofMillis(300))
                    .build(), List.of());
            assertTrue(error.contains("opening handshake timed out after 300 ms"), error);
            assertEquals(true, server.result(), "the client closed the connection");
        }
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WebSocket socket = new WebSocket();
        Recorder r = Recorder.on(socket);
        socket.open(URI.create("ws://127.0.0.1:" + port + "/"));
        assertEquals(WebSocket.Status.ERROR, r.awaitEnd());
        assertTrue(socket.errorString().startsWith("cannot connect to 127.0.0.1:" + port + ": "), socket.errorString());
        assertEquals(1006, socket.closeCode());
    }

    @Test
    void aNewOpenClearsTheErrorString() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest();
            c.writeAscii("HTTP/1.1 404 Not Found\r\n\r\n");
            return null;
        }, c -> {
            c.handshake();
            c.close(1000, "");
            return c.readUntilClose().closeCode();
        })) {
            WebSocket socket = new WebSocket();
            Recorder r = Recorder.on(socket);
            socket.open(server.uri());
            assertEquals(WebSocket.Status.ERROR, r.awaitEnd());
            assertTrue(socket.errorString().contains("404"));
            socket.open();
            assertEquals("", socket.errorString(), "CONNECTING clears the error (as QML's WebSocket)");
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
            assertEquals("", socket.errorString());
            assertEquals(1000, socket.closeCode());
        }
    }
}
