package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.client.WebSocket.Status;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lost connections, reconnecting, and the closing handshake's timing rules (RFC 6455 section 7). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLossTest {
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(40), 2,
            0.5, 3);

    /** Handshake, then half a frame, then gone. */
    private static final FakeServer.Script VANISH_MID_MESSAGE = c -> {
        c.handshake();
        c.write(0x82, 100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        return null;
    };

    @Test
    void serverVanishingMidMessageIsAnError() throws Exception {
        try (FakeServer server = new FakeServer(VANISH_MID_MESSAGE)) {
            WebSocket socket = new WebSocket();
            Recorder r = Recorder.on(socket);
            socket.open(server.uri());
            assertEquals(Status.ERROR, r.awaitEnd());
            assertEquals(List.of(Status.CONNECTING, Status.OPEN, Status.ERROR), r.history());
            assertTrue(socket.errorString().startsWith("connection lost"), socket.errorString());
            assertEquals(1006, socket.closeCode());
            assertTrue(r.binaries.isEmpty());
            assertFalse(socket.isActive());
        }
    }

    @Test
    void reconnectsAfterALostConnectionWhenEnabled() throws Exception {
        try (FakeServer server = new FakeServer(VANISH_MID_MESSAGE, c -> {
            c.handshake();
            c.frame(0x81, "welcome back".getBytes());
            int code = c.readUntilClose().closeCode();
            c.close(code, "");
            return code;
        })) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder().reconnect(FAST).build());
            Recorder r = Recorder.on(socket);
            socket.open(server.uri());
            assertEquals("welcome back", r.text());
            assertEquals(List.of(Status.CONNECTING, Status.OPEN, Status.ERROR, Status.CONNECTING, Status.OPEN),
                    r.history());
            Recorder.Reconnect reconnect = r.reconnect();
            assertEquals(1, reconnect.attempt());
            assertEquals(3, reconnect.maxAttempts());
            assertTrue(socket.isActive());
            r.statuses.clear();
            socket.close();
            assertEquals(Status.CLOSED, r.awaitEnd());
            server.result();
            assertEquals(1000, server.result());
            assertFalse(socket.isActive(), "a deliberate close never reconnects");
            assertTrue(r.reconnects.isEmpty());
        }
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WebSocket socket = new WebSocket(WebSocketOptions.builder().reconnect(FAST.withMaxAttempts(2)).build());
        Recorder r = Recorder.on(socket);
        CompletableFuture<WebSocket> opened = socket.open(URI.create("ws://127.0.0.1:" + port));
        ExecutionException e = assertThrows(ExecutionException.class, () -> opened.get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("cannot connect"), e.getCause().getMessage());
        assertEquals(List.of(Status.CONNECTING, Status.ERROR, Status.CONNECTING, Status.ERROR, Status.CONNECTING,
                Status.ERROR), r.history());
        assertEquals(1, r.reconnect().attempt());
        assertEquals(2, r.reconnect().attempt());
        assertFalse(socket.isActive());
    }

    @Test
    void reconnectsAfterGoingAwayButNotAfterNormalClosure() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake();
            c.close(1001, "restarting");
            return c.readUntilClose().closeCode();
        }, c -> {
            c.handshake();
            c.close(1000, "done");
            return c.readUntilClose().closeCode();
        })) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder().reconnect(FAST).build());
            Recorder r = Recorder.on(socket);
            socket.open(server.uri());
            assertEquals(1001, server.result());
            assertEquals(1000, server.result());
            assertEquals(Status.CLOSED, r.awaitEnd());
            assertEquals(Status.CLOSED, r.awaitEnd());
            assertEquals(1000, socket.closeCode());
            assertEquals("done", socket.closeReason());
            assertFalse(socket.isActive(), "1000 means the purpose was fulfilled: no reconnect");
            assertEquals(List.of(Status.CONNECTING, Status.OPEN, Status.CLOSING, Status.CLOSED, Status.CONNECTING,
                    Status.OPEN, Status.CLOSING, Status.CLOSED), r.history());
        }
    }

    @Test
    void closingDuringTheReconnectDelayStopsReconnecting() throws Exception {
        try (FakeServer server = new FakeServer(VANISH_MID_MESSAGE)) {
            ReconnectPolicy slow = new ReconnectPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1), 1, 0, 5);
            WebSocket socket = new WebSocket(WebSocketOptions.builder().reconnect(slow).build());
            Recorder r = Recorder.on(socket);
            socket.open(server.uri());
            assertEquals(Status.ERROR, r.awaitEnd());
            r.reconnect();
            assertTrue(socket.isActive(), "waiting to reconnect");
            socket.close();
            assertEquals(Status.CLOSED, r.awaitEnd());
            assertFalse(socket.isActive());
        }
    }

    @Test
    void clientWaitsForTheServerToCloseTcpFirst() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake();
            int code = c.readUntilClose().closeCode();
            c.close(code, "ok");
            c.socket.setSoTimeout(300);
            try {
                boolean closed = c.clientClosed();
                return closed ? "the client closed TCP before the server" : "unexpected data";
            } catch (SocketTimeoutException e) {
                return "client waited"; // RFC 6455 section 7.1.1: the server closes TCP first
            }
        })) {
            WebSocket socket = new WebSocket();
            Recorder r = Recorder.on(socket);
            socket.open(server.uri()).get(10, TimeUnit.SECONDS);
            socket.close(1000, "bye");
            assertEquals("client waited", server.result());
            assertEquals(Status.CLOSED, r.awaitEnd());
            assertEquals(1000, socket.closeCode());
            assertEquals("ok", socket.closeReason());
        }
    }

    @Test
    void clientClosesTcpItselfWhenTheServerNeverAnswersTheClose() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake();
            c.readUntilClose();
            return c.clientClosed(); // no Close frame back: the client must give up after its close timeout
        })) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder().closeTimeout(Duration.ofMillis(300)).build());
            Recorder r = Recorder.on(socket);
            socket.open(server.uri()).get(10, TimeUnit.SECONDS);
            socket.close();
            assertEquals(true, server.result());
            assertEquals(Status.CLOSED, r.awaitEnd(), "a deliberate close is not an error");
            assertEquals(1006, socket.closeCode());
        }
    }

    @Test
    void clientClosesTcpItselfWhenTheServerAnswersButNeverClosesTcp() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake();
            int code = c.readUntilClose().closeCode();
            c.close(code, "");
            return c.clientClosed(); // keeps TCP open: the client closes it after its close timeout
        })) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder().closeTimeout(Duration.ofMillis(300)).build());
            Recorder r = Recorder.on(socket);
            socket.open(server.uri()).get(10, TimeUnit.SECONDS);
            socket.close(3000, "");
            assertEquals(true, server.result());
            assertEquals(Status.CLOSED, r.awaitEnd());
            assertEquals(3000, socket.closeCode());
        }
    }

    @Test
    void messagesInTheHandshakeReadAreDeliveredEvenWhenTheClientClosesOnOpen() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest();
            // the 101 and the first message in one write, so they arrive in one read
            byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: "
                    + io.github.rfc6455.core.handshake.SecWebSocketAccept.forKey(c.header("Sec-WebSocket-Key"))
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] welcome = FakeServer.Conn.encode(0x81, "welcome".getBytes());
            byte[] both = java.util.Arrays.copyOf(head, head.length + welcome.length);
            System.arraycopy(welcome, 0, both, head.length, welcome.length);
            c.write(both);
            int code = c.readUntilClose().closeCode();
            c.close(code, "");
            return code;
        })) {
            WebSocket socket = new WebSocket();
            Recorder r = Recorder.on(socket);
            socket.onStatusChanged(s -> {
                if (s == Status.OPEN) {
                    socket.close(4000, "closing at once"); // on the loop, before the engine reads on
                }
            });
            socket.open(server.uri());
            assertEquals(4000, server.result());
            assertEquals(Status.CLOSED, r.awaitEnd());
            assertEquals("welcome", r.text(), "a message sent before the Close frame is still delivered (7.1.2)");
        }
    }

    @Test
    void abortDropsTcpAtOnce() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake();
            return c.clientClosed();
        })) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder().reconnect(FAST).build());
            Recorder r = Recorder.on(socket);
            socket.open(server.uri()).get(10, TimeUnit.SECONDS);
            socket.abort();
            assertEquals(true, server.result(), "no Close frame, just the end of TCP");
            assertEquals(Status.CLOSED, r.awaitEnd());
            assertEquals(1006, socket.closeCode());
            assertFalse(socket.isActive());
        }
    }
}
