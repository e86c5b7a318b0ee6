package io.github.rfc6455.core.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.ConnectionState;
import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.Outbound;
import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.SendCallback;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.FrameListener;
import io.github.rfc6455.core.frame.FrameParser;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.handshake.ClientHandshake;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.SecWebSocketAccept;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * permessage-deflate through {@link WebSocketEngine}: a server and a client engine configured with
 * {@link PerMessageDeflate} negotiate it from the browser-style offer and exchange compressed messages; a deflate
 * bomb is closed with 1009 on the wire while the heap allocated stays far below its inflated size; corrupt data is
 * closed with 1007; an invalid response fails the client's handshake.
 */
class PerMessageDeflateEngineTest {
    private static final int RSV1 = 0x40;

    /** One direction of an in-memory connection: what an engine wrote, not yet delivered. */
    static final class Pipe implements Outbound {
        final List<ByteBuffer> frames = new ArrayList<>();
        boolean closeRequested;

        @Override
        public void write(ByteBuffer bytes, SendCallback callback) {
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
            copy.put(bytes.duplicate()).flip();
            frames.add(copy);
            if (callback != null) {
                callback.onComplete(null);
            }
        }

        @Override
        public void closeTransport(boolean awaitPeerFirst) {
            closeRequested = true;
        }

        /** @return everything written so far, in one buffer; the pipe is emptied */
        ByteBuffer drain() {
            int n = frames.stream().mapToInt(ByteBuffer::remaining).sum();
            ByteBuffer all = ByteBuffer.allocate(n);
            frames.forEach(all::put);
            frames.clear();
            return all.flip();
        }
    }

    /** Records what an engine reports. */
    static final class Events implements EngineListener {
        final List<String> texts = new ArrayList<>();
        final List<byte[]> binaries = new ArrayList<>();
        int failureCode;
        HandshakeException handshakeFailure;

        @Override
        public void onText(String text) {
            texts.add(text);
        }

        @Override
        public void onBinary(ByteBuffer data) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            binaries.add(copy);
        }

        @Override
        public void onFailure(int closeCode, String message) {
            failureCode = closeCode;
        }

        @Override
        public void onHandshakeFailure(HandshakeException failure) {
            handshakeFailure = failure;
        }
    }

    /** A server and a client engine joined by two pipes. */
    static final class Connection {
        final Pipe toServer = new Pipe();
        final Pipe toClient = new Pipe();
        final Events serverEvents = new Events();
        final Events clientEvents = new Events();
        final WebSocketEngine server;
        final WebSocketEngine client;
        final String request;

        Connection(WebSocketConfig serverConfig, WebSocketConfig clientConfig) {
            ClientHandshake handshake = ClientHandshake.builder(URI.create("ws://example.com/chat"))
                    .extensionOffers(WebSocketEngine.extensionOffers(clientConfig)).build();
            server = WebSocketEngine.server(serverConfig, serverEvents, toClient);
            client = WebSocketEngine.client(handshake, clientConfig, clientEvents, toServer);
            client.start();
            request = StandardCharsets.ISO_8859_1.decode(toServer.frames.get(0).duplicate()).toString();
            pump();
        }

        /** Delivers bytes both ways until nothing is left in flight. */
        void pump() {
            while (!toServer.frames.isEmpty() || !toClient.frames.isEmpty()) {
                if (!toServer.frames.isEmpty()) {
                    server.receive(toServer.drain());
                }
                if (!toClient.frames.isEmpty()) {
                    client.receive(toClient.drain());
                }
            }
        }
    }

    /** A frame as seen on the wire. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
    }

    /** @return the frames in bytes an engine of the other role wrote (parsed from a copy: unmasking is in place) */
    private static List<Frame> frames(ByteBuffer wire, Role receiver) {
        List<Frame> frames = new ArrayList<>();
        FrameParser parser = new FrameParser(receiver, Long.MAX_VALUE, 0x70);
        ByteBuffer copy = ByteBuffer.allocate(wire.remaining()).put(wire.duplicate()).flip();
        parser.parse(copy, new FrameListener() {
            private boolean fin;
            private int rsv;
            private int opcode;
            private final java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();

            @Override
            public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
                this.fin = fin;
                this.rsv = rsv;
                this.opcode = opcode;
                payload.reset();
            }

            @Override
            public void onFramePayload(ByteBuffer chunk, boolean frameComplete) {
                byte[] bytes = new byte[chunk.remaining()];
                chunk.get(bytes);
                payload.writeBytes(bytes);
                if (frameComplete) {
                    frames.add(new Frame(fin, rsv, opcode, payload.toByteArray()));
                }
            }

            @Override
            public void onFrameError(int closeCode, String message) {
                throw new AssertionError(message);
            }
        });
        return frames;
    }

    private static WebSocketConfig config(PerMessageDeflate deflate) {
        return WebSocketConfig.builder().extensions(List.of(deflate)).build();
    }

    private static int closeCode(Frame close) {
        assertEquals(Opcode.CLOSE, close.opcode());
        return (close.payload()[0] & 0xFF) << 8 | close.payload()[1] & 0xFF;
    }

    // ------------------------------------------------------------------------------------------------ incompressible

    @Test
    void anIncompressibleMessageAtTheSizeLimitGoesOutUncompressedAndTheContextStaysInStep() {
        int limit = 1 << 20;
        WebSocketConfig limited = WebSocketConfig.builder().maxSize(limit)
                .extensions(List.of(PerMessageDeflate.defaults())).build();
        Connection c = new Connection(limited, limited);
        String before = new String(Deflates.json(4000, 1), StandardCharsets.US_ASCII);
        byte[] random = new byte[limit];
        new java.util.Random(7).nextBytes(random);
        String after = new String(Deflates.json(4000, 2), StandardCharsets.US_ASCII);

        c.client.sendText(before, null);
        c.client.sendBinary(ByteBuffer.wrap(random), null);
        c.client.sendText(after, null);
        List<Frame> sent = frames(c.toServer.drain().duplicate(), Role.SERVER);
        assertEquals(3, sent.size());
        assertEquals(RSV1, sent.get(0).rsv(), "compressible text compressed");
        assertEquals(0, sent.get(1).rsv(), "incompressible binary sent as it is");
        assertEquals(limit, sent.get(1).payload().length, "exactly at the limit, not above it");
        assertEquals(RSV1, sent.get(2).rsv(), "compression goes on afterwards");

        Connection d = new Connection(limited, limited);
        d.client.sendText(before, null);
        d.client.sendBinary(ByteBuffer.wrap(random), null);
        d.client.sendText(after, null);
        d.pump();
        assertEquals(0, d.serverEvents.failureCode, "no 1009 for a message exactly at the limit");
        assertEquals(List.of(before, after), d.serverEvents.texts);
        assertEquals(1, d.serverEvents.binaries.size());
        assertArrayEquals(random, d.serverEvents.binaries.get(0));
    }

    // ------------------------------------------------------------------------------------------------ exchange

    @Test
    void negotiatesFromTheBrowserOfferAndExchangesCompressedMessages() {
        Connection c = new Connection(config(PerMessageDeflate.defaults()), config(PerMessageDeflate.defaults()));
        assertTrue(c.request.contains("\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"),
                c.request);
        assertEquals(ConnectionState.OPEN, c.server.state());
        assertEquals(ConnectionState.OPEN, c.client.state());
        assertEquals(List.of(Deflates.element("permessage-deflate")), c.server.extensions());
        assertEquals(List.of(Deflates.element("permessage-deflate")), c.client.extensions());

        for (int i = 0; i < 10; i++) {
            String text = new String(Deflates.json(3000 + i, i), StandardCharsets.US_ASCII);
            c.client.sendText(text, null);
            List<Frame> sent = frames(c.toServer.frames.get(0).duplicate(), Role.SERVER);
            assertEquals(1, sent.size());
            assertEquals(RSV1, sent.get(0).rsv(), "client text compressed");
            assertEquals(Opcode.TEXT, sent.get(0).opcode());
            assertTrue(sent.get(0).payload().length < text.length() / 2, "compressed: " + sent.get(0).payload().length);
            c.pump();
            assertEquals(text, c.serverEvents.texts.get(i));

            byte[] binary = Deflates.json(5000 + i, 100 + i);
            c.server.sendBinary(ByteBuffer.wrap(binary), null);
            Frame reply = frames(c.toClient.frames.get(0).duplicate(), Role.CLIENT).get(0);
            assertEquals(RSV1, reply.rsv(), "server binary compressed");
            assertEquals(Opcode.BINARY, reply.opcode());
            c.pump();
            assertArrayEquals(binary, c.clientEvents.binaries.get(i));
        }
    }

    @Test
    void sendsSmallMessagesAndControlFramesUncompressed() {
        Connection c = new Connection(config(PerMessageDeflate.defaults()), config(PerMessageDeflate.defaults()));
        c.client.sendText("hi", null);
        c.client.ping(ByteBuffer.wrap("a ping that would compress: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                .getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer wire = c.toServer.drain();
        List<Frame> sent = frames(wire.duplicate(), Role.SERVER);
        assertEquals(0, sent.get(0).rsv());
        assertEquals(Opcode.PING, sent.get(1).opcode());
        assertEquals(0, sent.get(1).rsv());
        c.server.receive(wire);
        c.pump();
        assertEquals(List.of("hi"), c.serverEvents.texts);
    }

    @Test
    void fragmentsCompressedMessagesBothWays() {
        PerMessageDeflate deflate = PerMessageDeflate.defaults();
        WebSocketConfig fragmenting = config(deflate).toBuilder().outgoingFrameSize(100).build();
        Connection c = new Connection(fragmenting, fragmenting);
        String text = new String(Deflates.json(40_000, 7), StandardCharsets.US_ASCII);
        c.client.sendText(text, null);
        List<Frame> sent = frames(c.toServer.frames.get(0).duplicate(), Role.SERVER);
        assertTrue(sent.size() > 10, sent.size() + " frames");
        assertEquals(RSV1, sent.get(0).rsv(), "RSV1 on the first frame");
        assertTrue(sent.stream().skip(1).allMatch(f -> f.rsv() == 0 && f.opcode() == Opcode.CONTINUATION));
        c.pump();
        assertEquals(List.of(text), c.serverEvents.texts);

        byte[] binary = Deflates.longRepeats(100_000, 8);
        c.server.sendBinary(ByteBuffer.wrap(binary), null);
        c.pump();
        assertArrayEquals(binary, c.clientEvents.binaries.get(0));
    }

    @Test
    void honoursNoContextTakeoverAndSmallWindowsBetweenEngines() {
        PerMessageDeflate client = PerMessageDeflate.builder().serverNoContextTakeover(true).serverMaxWindowBits(8)
                .build();
        PerMessageDeflate server = PerMessageDeflate.builder().clientNoContextTakeover(true).clientMaxWindowBits(9)
                .build();
        Connection c = new Connection(config(server), config(client));
        assertEquals(List.of(Deflates.element("permessage-deflate; server_no_context_takeover; "
                + "client_no_context_takeover; server_max_window_bits=8; client_max_window_bits=9")),
                c.client.extensions());
        DeflateInspector clientSide = new DeflateInspector(8);
        DeflateInspector serverSide = new DeflateInspector(9);
        for (int i = 0; i < 5; i++) {
            byte[] message = Deflates.longRepeats(20_000, i);
            c.server.sendBinary(ByteBuffer.wrap(message), null);
            Frame frame = frames(c.toClient.frames.get(0).duplicate(), Role.CLIENT).get(0);
            clientSide.reset();
            assertArrayEquals(message, clientSide.inflateMessage(frame.payload()));
            c.client.sendBinary(ByteBuffer.wrap(message), null);
            frame = frames(c.toServer.frames.get(0).duplicate(), Role.SERVER).get(0);
            serverSide.reset();
            assertArrayEquals(message, serverSide.inflateMessage(frame.payload()));
            c.pump();
            assertArrayEquals(message, c.clientEvents.binaries.get(i));
            assertArrayEquals(message, c.serverEvents.binaries.get(i));
        }
        assertTrue(clientSide.maxDistance() < 256 && serverSide.maxDistance() < 512);
    }

    // ------------------------------------------------------------------------------------------------ failures

    @Test
    void closesADeflateBombWith1009WithoutInflatingIt() {
        long limit = 64 * 1024;
        long inflated = 64L * 1024 * 1024;
        byte[] bomb = PerMessageDeflateCodecTest.compressZeros(inflated);
        assertTrue(bomb.length < 80 * 1024, "a bomb of " + bomb.length + " bytes");
        WebSocketConfig serverConfig = config(PerMessageDeflate.defaults()).toBuilder().maxMessageSize(limit).build();
        Connection c = new Connection(serverConfig, config(PerMessageDeflate.defaults()));
        ByteBuffer frame = maskedFrame(RSV1, Opcode.BINARY, bomb);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        c.server.receive(frame);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(1009, c.serverEvents.failureCode);
        List<Frame> answer = frames(c.toClient.drain(), Role.CLIENT);
        assertEquals(1009, closeCode(answer.get(answer.size() - 1)), "close code on the wire");
        assertTrue(c.toClient.closeRequested);
        assertTrue(c.serverEvents.binaries.isEmpty());
        assertTrue(allocated < 2 * 1024 * 1024, "allocated " + allocated + " bytes to refuse a "
                + inflated + "-byte message");
    }

    @Test
    void closesCorruptCompressedDataWith1007() {
        Connection c = new Connection(config(PerMessageDeflate.defaults()), config(PerMessageDeflate.defaults()));
        c.server.receive(maskedFrame(RSV1, Opcode.BINARY, Deflates.hex("07 00 12 34")));
        assertEquals(1007, c.serverEvents.failureCode);
        List<Frame> answer = frames(c.toClient.drain(), Role.CLIENT);
        assertEquals(1007, closeCode(answer.get(answer.size() - 1)));
    }

    @Test
    void closesInvalidUtf8InsideCompressedTextWith1007() {
        Connection c = new Connection(config(PerMessageDeflate.defaults()), config(PerMessageDeflate.defaults()));
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
        deflater.setInput(new byte[] {'o', 'k', (byte) 0xC3, 0x28});
        byte[] out = new byte[64];
        int n = deflater.deflate(out, 0, out.length, java.util.zip.Deflater.SYNC_FLUSH);
        deflater.end();
        c.server.receive(maskedFrame(RSV1, Opcode.TEXT, java.util.Arrays.copyOf(out, n - 4)));
        assertEquals(1007, c.serverEvents.failureCode);
        assertTrue(c.serverEvents.texts.isEmpty());
    }

    @Test
    void clientFailsTheHandshakeOnAnInvalidResponse() {
        WebSocketConfig clientConfig = config(PerMessageDeflate.defaults());
        ClientHandshake handshake = ClientHandshake.builder(URI.create("ws://example.com/chat"))
                .extensionOffers(WebSocketEngine.extensionOffers(clientConfig)).build();
        Events events = new Events();
        Pipe toServer = new Pipe();
        WebSocketEngine client = WebSocketEngine.client(handshake, clientConfig, events, toServer);
        client.start();
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + SecWebSocketAccept.forKey(handshake.key()) + "\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=16\r\n\r\n";
        client.receive(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)));
        assertNotNull(events.handshakeFailure);
        assertTrue(events.handshakeFailure.getMessage().contains("client_max_window_bits"),
                events.handshakeFailure.getMessage());
        assertEquals(ConnectionState.CLOSED, client.state());
        assertTrue(toServer.closeRequested);
    }

    /** Hands out {@link PerMessageDeflate}'s extensions and keeps them, to look at them afterwards. */
    static final class Recording implements ExtensionNegotiator {
        final PerMessageDeflate deflate = PerMessageDeflate.defaults();
        final List<DeflateExtension> created = new ArrayList<>();

        @Override
        public String name() {
            return deflate.name();
        }

        @Override
        public List<ExtensionOffer> offers() {
            return deflate.offers();
        }

        @Override
        public Accepted accept(List<ExtensionOffer> offers) {
            Accepted accepted = deflate.accept(offers);
            created.add((DeflateExtension) accepted.extension());
            return accepted;
        }

        @Override
        public MessageExtension acceptResponse(ExtensionOffer response) throws ExtensionNegotiationException {
            MessageExtension extension = deflate.acceptResponse(response);
            created.add((DeflateExtension) extension);
            return extension;
        }
    }

    @Test
    void releasesZlibStreamsWhenTheConnectionEnds() {
        Recording server = new Recording();
        Recording client = new Recording();
        Connection c = new Connection(WebSocketConfig.builder().extensions(List.of(server)).build(),
                WebSocketConfig.builder().extensions(List.of(client)).build());
        c.client.sendText(new String(Deflates.json(2000, 1), StandardCharsets.US_ASCII), null);
        c.server.sendText(new String(Deflates.json(2000, 2), StandardCharsets.US_ASCII), null);
        c.pump();
        DeflateExtension serverSide = server.created.get(0);
        DeflateExtension clientSide = client.created.get(0);
        assertTrue(serverSide.deflater().holdsDeflater() && serverSide.inflater().holdsInflater());
        assertTrue(clientSide.deflater().holdsDeflater() && clientSide.inflater().holdsInflater());
        c.client.close(1000, "bye");
        c.pump();
        c.server.transportClosed();
        c.client.transportClosed();
        assertFalse(serverSide.deflater().holdsDeflater() || serverSide.inflater().holdsInflater());
        assertFalse(clientSide.deflater().holdsDeflater() || clientSide.inflater().holdsInflater());
    }

    private static ByteBuffer maskedFrame(int rsv, int opcode, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.headerLength(payload.length, true) + payload.length);
        FrameEncoder.encode(frame, true, rsv, opcode, ByteBuffer.wrap(payload), true, 0x1234_5678);
        return frame.flip();
    }

}
