package io.github.rfc6455.core;

import static io.github.rfc6455.core.PeerFrames.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.handshake.ClientHandshake;
import io.github.rfc6455.core.handshake.HeadLimits;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opening handshake run by the engine (RFC 6455 section 4), and the first frames that follow it. */
class WebSocketEngineHandshakeTest {
    /** The client handshake of RFC 6455 section 1.2 (without its Origin and subprotocols). */
    static final String REQUEST = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";
    /** The matching accept value, from section 1.3. */
    static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    static final String RESPONSE = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + ACCEPT + "\r\n"
            + "\r\n";

    private final EngineEvents events = new EngineEvents();
    private final EngineWire wire = new EngineWire();

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private WebSocketEngine server() {
        return WebSocketEngine.server(WebSocketConfig.DEFAULT, events, wire);
    }

    private WebSocketEngine client() {
        ClientHandshake handshake = ClientHandshake.builder(URI.create("ws://server.example.com/chat"))
                .key("dGhlIHNhbXBsZSBub25jZQ==").build();
        return WebSocketEngine.client(handshake, WebSocketConfig.DEFAULT, events, wire);
    }

    // ------------------------------------------------------------------------------------------- server

    @Test
    void serverAcceptsARequestAndTheFirstFrameInOneBuffer() {
        WebSocketEngine engine = server();
        assertEquals(ConnectionState.CONNECTING, engine.state());
        engine.receive(ByteBuffer.wrap(concat(ascii(REQUEST), PeerFrames.toServer().text("Hello"))));
        assertEquals(List.of("upgrade /chat", "open", "text Hello"), events.take());
        assertEquals(ConnectionState.OPEN, engine.state());
        String response = wire.drainText();
        assertTrue(response.startsWith("HTTP/1.1 101 "), response);
        assertTrue(response.contains("Sec-WebSocket-Accept: " + ACCEPT + "\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\n"), response);
        assertNull(engine.subprotocol());
        engine.sendText("hi", null);
        assertEquals(List.of(new Frame(true, 0, Opcode.TEXT, ascii("hi"))), wire.frames(Role.SERVER));
    }

    @Test
    void serverHandlesARequestSplitAtEveryByte() {
        byte[] input = concat(ascii(REQUEST), PeerFrames.toServer().text("Hello"), PeerFrames.toServer().ping("p"));
        String expectedResponse = null;
        for (int cut = 0; cut <= input.length; cut++) {
            EngineEvents ev = new EngineEvents();
            EngineWire w = new EngineWire();
            WebSocketEngine engine = WebSocketEngine.server(WebSocketConfig.DEFAULT, ev, w);
            byte[] copy = input.clone();
            engine.receive(ByteBuffer.wrap(copy, 0, cut));
            engine.receive(ByteBuffer.wrap(copy, cut, copy.length - cut));
            assertEquals(List.of("upgrade /chat", "open", "text Hello", "ping 70"), ev.log, "cut " + cut);
            byte[] written = w.drain();
            String text = new String(written, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n") + 4;
            if (expectedResponse == null) {
                expectedResponse = text.substring(0, headEnd);
            }
            assertEquals(expectedResponse, text.substring(0, headEnd), "cut " + cut);
            assertEquals(List.of(new Frame(true, 0, Opcode.PONG, ascii("p"))),
                    EngineWire.decode(Role.SERVER, java.util.Arrays.copyOfRange(written, headEnd, written.length)));
        }
    }

    @Test
    void serverHandlesARequestArrivingByteByByte() {
        WebSocketEngine engine = server();
        byte[] input = concat(ascii(REQUEST), PeerFrames.toServer().text("Hello"));
        for (int i = 0; i < input.length; i++) {
            engine.receive(ByteBuffer.wrap(input, i, 1));
        }
        assertEquals(List.of("upgrade /chat", "open", "text Hello"), events.take());
    }

    @Test
    void serverAcceptsLaterAndThenDeliversWhatArrivedMeanwhile() {
        WebSocketEngine engine = WebSocketEngine.server(WebSocketConfig.DEFAULT, events.holdUpgrades(), wire);
        PeerFrames peer = PeerFrames.toServer();
        engine.receive(ByteBuffer.wrap(concat(ascii(REQUEST), peer.text("one"))));
        engine.receive(ByteBuffer.wrap(peer.text("two")));
        assertEquals(List.of("upgrade /chat"), events.take());
        assertEquals(0, wire.drain().length, "nothing is sent before the application decides");
        assertEquals(ConnectionState.CONNECTING, engine.state());
        assertEquals(List.of("chat", "superchat"), events.pendingRequest.subprotocols());

        assertThrows(IllegalArgumentException.class, () -> engine.accept("not-requested", null));
        assertEquals(0, wire.drain().length);
        engine.accept("superchat", null);
        String response = wire.drainText();
        assertTrue(response.startsWith("HTTP/1.1 101 "), response);
        assertTrue(response.contains("Sec-WebSocket-Protocol: superchat\r\n"), response);
        assertEquals("superchat", engine.subprotocol());
        assertEquals(List.of("open", "text one", "text two"), events.take());
        assertEquals(ConnectionState.OPEN, engine.state());
        assertThrows(IllegalStateException.class, () -> engine.accept(null, null), "only once");
    }

    @Test
    void serverRejectsARequest() {
        WebSocketEngine engine = WebSocketEngine.server(WebSocketConfig.DEFAULT, events.holdUpgrades(), wire);
        engine.receive(ByteBuffer.wrap(concat(ascii(REQUEST), PeerFrames.toServer().text("one"))));
        engine.reject(403, "origin not allowed");
        String response = wire.drainText();
        assertTrue(response.startsWith("HTTP/1.1 403 "), response);
        assertTrue(response.endsWith("\r\n\r\norigin not allowed"), response);
        assertEquals(List.of(false), wire.closeTransportCalls());
        assertEquals(ConnectionState.CLOSED, engine.state());
        assertEquals(List.of("upgrade /chat"), events.take());
        engine.receive(ByteBuffer.wrap(PeerFrames.toServer().text("two")));
        engine.transportClosed();
        assertEquals(List.of(), events.take(), "no message and no onClose for a connection that never opened");
        assertThrows(IllegalStateException.class, () -> engine.accept(null, null));
    }

    @Test
    void serverRejectsSynchronouslyFromTheListener() {
        events.onUpgrade = (engine, request) -> engine.reject(404, "no such path");
        WebSocketEngine engine = server();
        engine.receive(ByteBuffer.wrap(concat(ascii(REQUEST), PeerFrames.toServer().text("one"))));
        assertTrue(wire.drainText().startsWith("HTTP/1.1 404 "));
        assertEquals(List.of("upgrade /chat"), events.take());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void plainHttpRequestGoesToOnHttpRequest() {
        events.onHttp = (engine, request) -> engine.respond(ByteBuffer.wrap(ascii(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi")));
        WebSocketEngine engine = server();
        engine.receive(ByteBuffer.wrap(ascii("GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n")));
        assertEquals(List.of("http GET /index.html"), events.take());
        assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi", wire.drainText());
        assertEquals(List.of(false), wire.closeTransportCalls());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void plainHttpRequestIsRefusedByDefault() {
        WebSocketEngine engine = WebSocketEngine.server(WebSocketConfig.DEFAULT, new EngineListener() {
        }, wire);
        engine.receive(ByteBuffer.wrap(ascii("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")));
        String response = wire.drainText();
        assertTrue(response.startsWith("HTTP/1.1 4"), response);
        assertEquals(List.of(false), wire.closeTransportCalls());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void plainHttpRequestAnsweredLater() {
        WebSocketEngine[] held = new WebSocketEngine[1];
        events.onHttp = (engine, request) -> held[0] = engine;
        WebSocketEngine engine = server();
        engine.receive(ByteBuffer.wrap(ascii("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")));
        assertEquals(0, wire.drain().length);
        held[0].reject(404, "nothing here");
        assertTrue(wire.drainText().startsWith("HTTP/1.1 404 "));
        assertThrows(IllegalStateException.class, () -> engine.reject(404, "twice"));
    }

    @Test
    void unsupportedVersionGets426() {
        WebSocketEngine engine = server();
        engine.receive(ByteBuffer.wrap(ascii(REQUEST.replace("Version: 13", "Version: 8"))));
        String response = wire.drainText();
        assertTrue(response.startsWith("HTTP/1.1 426 "), response);
        assertTrue(response.contains("Sec-WebSocket-Version: 13\r\n"), response);
        assertEquals(List.of("handshake failure 426"), events.take());
        assertEquals(List.of(false), wire.closeTransportCalls());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void malformedRequestGets400() {
        WebSocketEngine engine = server();
        engine.receive(ByteBuffer.wrap(ascii("GET /chat HTTP/1.1\r\nHost server.example.com\r\n\r\n")));
        assertTrue(wire.drainText().startsWith("HTTP/1.1 400 "));
        assertEquals(List.of("handshake failure 400"), events.take());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void requestHeadLargerThanTheLimitIsRefused() {
        WebSocketConfig config = WebSocketConfig.builder().headLimits(HeadLimits.DEFAULT).build();
        WebSocketEngine engine = WebSocketEngine.server(config, events, wire);
        String huge = REQUEST.replace("\r\n\r\n", "\r\nX-Filler: " + "a".repeat(config.headLimits().maxHeadBytes())
                + "\r\n\r\n");
        engine.receive(ByteBuffer.wrap(ascii(huge)));
        String response = wire.drainText();
        assertTrue(response.startsWith("HTTP/1.1 4"), response);
        assertEquals(ConnectionState.CLOSED, engine.state());
        assertEquals(1, events.take().size());
    }

    @Test
    void serverTransportClosedBeforeTheHandshakeReportsNothing() {
        WebSocketEngine engine = server();
        engine.receive(ByteBuffer.wrap(ascii("GET /chat HTTP/1.1\r\n")));
        engine.transportClosed();
        assertEquals(List.of(), events.take());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void closeFromOnOpenStillReadsTheFramesThatFollowedTheRequest() {
        WebSocketEngine[] self = new WebSocketEngine[1];
        EngineEvents closer = new EngineEvents() {
            @Override
            public void onOpen() {
                super.onOpen();
                self[0].close(1001, "shutting down");
            }
        };
        WebSocketEngine engine = WebSocketEngine.server(WebSocketConfig.DEFAULT, closer, wire);
        self[0] = engine;
        PeerFrames peer = PeerFrames.toServer();
        // The client's first message and its answer to our close arrive in the same read as the request.
        engine.receive(ByteBuffer.wrap(concat(ascii(REQUEST), peer.text("Hello"), peer.close(1001, ""))));
        assertEquals(List.of("upgrade /chat", "open", "text Hello", "close received 1001 "), closer.take());
        assertEquals(List.of(false), wire.closeTransportCalls(), "the close handshake completed");
        engine.transportClosed();
        assertEquals(List.of("closed 1001"), closer.take());
    }

    @Test
    void closeFromOnOpenAfterALateAcceptStillReadsTheFramesThatArrivedMeanwhile() {
        WebSocketEngine[] self = new WebSocketEngine[1];
        EngineEvents closer = new EngineEvents() {
            @Override
            public void onOpen() {
                super.onOpen();
                self[0].close(1000, "");
            }
        }.holdUpgrades();
        WebSocketEngine engine = WebSocketEngine.server(WebSocketConfig.DEFAULT, closer, wire);
        self[0] = engine;
        PeerFrames peer = PeerFrames.toServer();
        engine.receive(ByteBuffer.wrap(concat(ascii(REQUEST), peer.text("Hello"), peer.close(1000, ""))));
        engine.accept(null, null);
        assertEquals(List.of("upgrade /chat", "open", "text Hello", "close received 1000 "), closer.take());
        assertEquals(List.of(false), wire.closeTransportCalls());
    }

    @Test
    void clientClosingFromOnOpenStillReadsTheFramesAfterThe101() {
        WebSocketEngine[] self = new WebSocketEngine[1];
        EngineEvents closer = new EngineEvents() {
            @Override
            public void onOpen() {
                super.onOpen();
                self[0].close(1000, "");
            }
        };
        ClientHandshake handshake = ClientHandshake.builder(URI.create("ws://server.example.com/chat"))
                .key("dGhlIHNhbXBsZSBub25jZQ==").build();
        WebSocketEngine engine = WebSocketEngine.client(handshake, WebSocketConfig.DEFAULT, closer, wire);
        self[0] = engine;
        engine.start();
        // A server that sends a welcome and closes at once: both frames may arrive with the 101.
        engine.receive(ByteBuffer.wrap(concat(ascii(RESPONSE), PeerFrames.toClient().text("Welcome"),
                PeerFrames.toClient().close(1000, "bye"))));
        assertEquals(List.of("open", "text Welcome", "close received 1000 bye"), closer.take());
        assertEquals(List.of(true), wire.closeTransportCalls());
    }

    @Test
    void startIsForClientsOnly() {
        assertThrows(IllegalStateException.class, () -> server().start());
    }

    // ------------------------------------------------------------------------------------------- client

    @Test
    void clientSendsTheRequestAndOpensOnA101WithTheFirstFrameInTheSameBuffer() {
        WebSocketEngine engine = client();
        engine.start();
        String request = wire.drainText();
        assertTrue(request.startsWith("GET /chat HTTP/1.1\r\n"), request);
        assertTrue(request.contains("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"), request);
        assertTrue(request.contains("Sec-WebSocket-Version: 13\r\n"), request);
        assertEquals(ConnectionState.CONNECTING, engine.state());

        engine.receive(ByteBuffer.wrap(concat(ascii(RESPONSE), PeerFrames.toClient().text("Welcome"),
                PeerFrames.toClient().ping("p"))));
        assertEquals(List.of("open", "text Welcome", "ping 70"), events.take());
        assertEquals(ConnectionState.OPEN, engine.state());
        assertEquals(List.of(new Frame(true, 0, Opcode.PONG, ascii("p"))), wire.frames(Role.CLIENT),
                "the client's pong is masked");
    }

    @Test
    void clientHandlesAResponseSplitAtEveryByte() {
        byte[] input = concat(ascii(RESPONSE), PeerFrames.toClient().text("Welcome"));
        for (int cut = 0; cut <= input.length; cut++) {
            EngineEvents ev = new EngineEvents();
            ClientHandshake handshake = ClientHandshake.builder(URI.create("ws://server.example.com/chat"))
                    .key("dGhlIHNhbXBsZSBub25jZQ==").build();
            WebSocketEngine engine = WebSocketEngine.client(handshake, WebSocketConfig.DEFAULT, ev, new EngineWire());
            engine.start();
            engine.receive(ByteBuffer.wrap(input, 0, cut));
            engine.receive(ByteBuffer.wrap(input, cut, input.length - cut));
            assertEquals(List.of("open", "text Welcome"), ev.log, "cut " + cut);
        }
    }

    @Test
    void clientRefusesAWrongAccept() {
        WebSocketEngine engine = client();
        engine.start();
        wire.drain();
        engine.receive(ByteBuffer.wrap(concat(ascii(RESPONSE.replace(ACCEPT, "x3JJHMbDL1EzLkh9GBhXDw==")),
                PeerFrames.toClient().text("Welcome"))));
        assertEquals(List.of("handshake failure 101"), events.take());
        assertEquals(0, wire.drain().length);
        assertEquals(List.of(false), wire.closeTransportCalls());
        assertEquals(ConnectionState.CLOSED, engine.state());
        engine.transportClosed();
        assertEquals(List.of(), events.take());
    }

    @Test
    void clientReportsAnErrorStatus() {
        WebSocketEngine engine = client();
        engine.start();
        engine.receive(ByteBuffer.wrap(ascii("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")));
        assertEquals(List.of("handshake failure 403"), events.take());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void clientConnectionLostDuringTheHandshake() {
        WebSocketEngine engine = client();
        engine.start();
        engine.receive(ByteBuffer.wrap(ascii("HTTP/1.1 101 Switching")));
        engine.transportClosed();
        assertEquals(List.of("handshake failure 0"), events.take());
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void clientCannotStartTwice() {
        WebSocketEngine engine = client();
        engine.start();
        assertThrows(IllegalStateException.class, engine::start);
        assertFalse(wire.drainText().isEmpty());
        assertEquals(0, wire.drain().length);
    }
}
