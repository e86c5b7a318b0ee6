package io.github.rfc6455.core;

import static io.github.rfc6455.core.PeerFrames.concat;
import static io.github.rfc6455.core.PeerFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import io.github.rfc6455.core.frame.Hex;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Messages and control frames through an open engine, both ways. */
class WebSocketEngineMessagingTest {
    private final EngineEvents events = new EngineEvents();
    private final EngineWire wire = new EngineWire();

    private WebSocketEngine open(Role role) {
        return open(role, WebSocketConfig.DEFAULT);
    }

    private WebSocketEngine open(Role role, WebSocketConfig config) {
        return WebSocketEngine.open(role, config, null, events, wire);
    }

    private static void receive(WebSocketEngine engine, byte[]... parts) {
        engine.receive(ByteBuffer.wrap(concat(parts)));
    }

    // ------------------------------------------------------------------------------------------- receiving

    @ParameterizedTest
    @EnumSource(Role.class)
    void textAndBinaryMessagesAreDelivered(Role role) {
        WebSocketEngine engine = open(role);
        PeerFrames peer = PeerFrames.to(role);
        receive(engine, peer.text("Hello"), peer.binary(new byte[] {1, 2, 3}), peer.text(""), peer.binary(new byte[0]),
                peer.text("κόσμε 😀"));
        assertEquals(List.of("text Hello", "binary 01 02 03", "text ", "binary ", "text κόσμε 😀"), events.take());
        assertEquals(0, wire.drain().length);
    }

    @Test
    void fragmentedMessagesAreAssembled() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("Hel")), peer.frame(true, Opcode.CONTINUATION, utf8("lo")),
                peer.frame(false, Opcode.BINARY, new byte[] {1}), peer.frame(false, Opcode.CONTINUATION, new byte[0]),
                peer.frame(true, Opcode.CONTINUATION, new byte[] {2}));
        assertEquals(List.of("text Hello", "binary 01 02"), events.take());
    }

    @Test
    void messageSplitAcrossReadsIsAssembled() {
        WebSocketEngine engine = open(Role.SERVER);
        byte[] payload = Hex.bytes("ab".repeat(300));
        byte[] frame = PeerFrames.toServer().binary(payload);
        for (int i = 0; i < frame.length; i += 7) {
            engine.receive(ByteBuffer.wrap(frame, i, Math.min(7, frame.length - i)));
        }
        assertEquals(List.of("binary " + Hex.of(payload)), events.take());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void pingIsAnsweredWithAPongOfTheSamePayload(Role role) {
        WebSocketEngine engine = open(role);
        PeerFrames peer = PeerFrames.to(role);
        byte[] payload = Hex.bytes("de ad be ef 00 7f 80 ff");
        receive(engine, peer.frame(true, Opcode.PING, payload), peer.frame(true, Opcode.PING, new byte[0]),
                peer.frame(true, Opcode.PING, new byte[125]));
        assertEquals(List.of("ping " + Hex.of(payload), "ping ", "ping " + Hex.of(new byte[125])), events.take());
        assertEquals(List.of(new Frame(true, 0, Opcode.PONG, payload), new Frame(true, 0, Opcode.PONG, new byte[0]),
                new Frame(true, 0, Opcode.PONG, new byte[125])), wire.frames(role));
    }

    @Test
    void pingSplitAcrossReadsIsAnsweredWhole() {
        WebSocketEngine engine = open(Role.SERVER);
        byte[] ping = PeerFrames.toServer().frame(true, Opcode.PING, utf8("split ping"));
        engine.receive(ByteBuffer.wrap(ping, 0, 9));
        assertEquals(0, wire.drain().length);
        engine.receive(ByteBuffer.wrap(ping, 9, ping.length - 9));
        assertEquals(List.of(new Frame(true, 0, Opcode.PONG, utf8("split ping"))), wire.frames(Role.SERVER));
        assertEquals(List.of("ping " + Hex.of(utf8("split ping"))), events.take());
    }

    @Test
    void pingInterleavedInAFragmentedMessage() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("Hel")), peer.ping("p1"),
                peer.frame(false, Opcode.CONTINUATION, utf8("l")), peer.frame(true, Opcode.PONG, utf8("p2")),
                peer.frame(true, Opcode.CONTINUATION, utf8("o")));
        assertEquals(List.of("ping " + Hex.of(utf8("p1")), "pong " + Hex.of(utf8("p2")), "text Hello"), events.take());
        assertEquals(List.of(new Frame(true, 0, Opcode.PONG, utf8("p1"))), wire.frames(Role.SERVER));
    }

    @Test
    void pingInterleavedInAFragmentedMessageSplitAtEveryByte() {
        PeerFrames peer = PeerFrames.toServer();
        byte[] stream = concat(peer.frame(false, Opcode.TEXT, utf8("Hé")), peer.ping("p"),
                peer.frame(true, Opcode.CONTINUATION, utf8("llo")));
        for (int cut = 0; cut <= stream.length; cut++) {
            EngineEvents ev = new EngineEvents();
            EngineWire w = new EngineWire();
            WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, ev, w);
            byte[] copy = stream.clone();
            engine.receive(ByteBuffer.wrap(copy, 0, cut));
            engine.receive(ByteBuffer.wrap(copy, cut, copy.length - cut));
            assertEquals(List.of("ping 70", "text Héllo"), ev.log, "cut " + cut);
            assertEquals(List.of(new Frame(true, 0, Opcode.PONG, utf8("p"))), w.frames(Role.SERVER), "cut " + cut);
        }
    }

    @Test
    void unsolicitedPongIsReportedAndNotAnswered() {
        WebSocketEngine engine = open(Role.CLIENT);
        receive(engine, PeerFrames.toClient().frame(true, Opcode.PONG, utf8("beat")));
        assertEquals(List.of("pong " + Hex.of(utf8("beat"))), events.take());
        assertEquals(0, wire.drain().length);
    }

    @Test
    void fragmentModeDeliversChunksAsTheyArrive() {
        WebSocketEngine engine = open(Role.SERVER, WebSocketConfig.builder().deliverFragments(true).build());
        PeerFrames peer = PeerFrames.toServer();
        byte[] last = peer.frame(true, Opcode.CONTINUATION, utf8("lo!"));
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("Hel")), java.util.Arrays.copyOf(last, 6 + 2));
        assertEquals(List.of("fragment text 48 65 6c", "fragment text 6c 6f"), events.take());
        engine.receive(ByteBuffer.wrap(last, 8, 1));
        receive(engine, peer.binary(new byte[] {7}));
        assertEquals(List.of("fragment text 21 last", "fragment binary 07 last"), events.take());
    }

    // ------------------------------------------------------------------------------------------- sending

    @Test
    void serverFramesAreUnmasked() {
        WebSocketEngine engine = open(Role.SERVER);
        assertTrue(engine.sendText("Hello", null));
        assertArrayEquals(Hex.bytes("81 05 48 65 6c 6c 6f"), wire.drain(), "RFC 6455 section 5.7, unmasked");
        assertTrue(engine.sendBinary(ByteBuffer.wrap(new byte[300]), null));
        byte[] bytes = wire.drain();
        assertEquals("82 7e 01 2c", Hex.of(java.util.Arrays.copyOf(bytes, 4)));
        assertEquals(304, bytes.length);
    }

    @Test
    void clientFramesAreMaskedWithFreshKeys() {
        WebSocketEngine engine = open(Role.CLIENT);
        byte[] payload = Hex.bytes("00".repeat(64));
        engine.sendBinary(ByteBuffer.wrap(payload), null);
        byte[] first = wire.drain();
        engine.sendBinary(ByteBuffer.wrap(payload), null);
        byte[] second = wire.drain();
        assertNotEquals(Hex.of(first), Hex.of(second), "two sends of the same payload differ on the wire");
        assertNotEquals(Hex.of(java.util.Arrays.copyOfRange(first, 2, 6)), Hex.of(java.util.Arrays.copyOfRange(second, 2, 6)));
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, payload)), EngineWire.decode(Role.CLIENT, first));
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, payload)), EngineWire.decode(Role.CLIENT, second));
        engine.ping(ByteBuffer.wrap(utf8("p")));
        engine.pong(ByteBuffer.wrap(utf8("q")));
        engine.sendText("t", null);
        // The decoder for client frames requires the mask bit: every kind of frame is masked.
        assertEquals(List.of(new Frame(true, 0, Opcode.PING, utf8("p")), new Frame(true, 0, Opcode.PONG, utf8("q")),
                new Frame(true, 0, Opcode.TEXT, utf8("t"))), wire.frames(Role.CLIENT));
    }

    @Test
    void sendLeavesTheCallersBuffersAlone() {
        WebSocketEngine engine = open(Role.CLIENT);
        ByteBuffer data = ByteBuffer.wrap(Hex.bytes("01 02 03 04 05")).position(1).limit(4);
        engine.sendBinary(data, null);
        assertEquals(1, data.position());
        assertEquals(4, data.limit());
        assertArrayEquals(Hex.bytes("01 02 03 04 05"), data.array(), "the payload is not masked in place");
        ByteBuffer ping = ByteBuffer.wrap(utf8("ping"));
        engine.ping(ping);
        assertEquals(0, ping.position());
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, Hex.bytes("02 03 04")),
                new Frame(true, 0, Opcode.PING, utf8("ping"))), wire.frames(Role.CLIENT));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void outgoingFrameSizeSplitsMessagesIntoFramesOfThatSize(Role role) {
        WebSocketEngine engine = open(role, WebSocketConfig.builder().outgoingFrameSize(10).build());
        engine.sendText("abcdefghijklmnopqrstuvwxy", null);
        assertEquals(List.of(new Frame(false, 0, Opcode.TEXT, utf8("abcdefghij")),
                new Frame(false, 0, Opcode.CONTINUATION, utf8("klmnopqrst")),
                new Frame(true, 0, Opcode.CONTINUATION, utf8("uvwxy"))), wire.frames(role));
        engine.sendBinary(ByteBuffer.wrap(new byte[20]), null);
        assertEquals(List.of(new Frame(false, 0, Opcode.BINARY, new byte[10]),
                new Frame(true, 0, Opcode.CONTINUATION, new byte[10])), wire.frames(role), "no empty trailing frame");
        engine.sendBinary(ByteBuffer.wrap(new byte[0]), null);
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, new byte[0])), wire.frames(role));
        engine.ping(ByteBuffer.wrap(new byte[100]));
        assertEquals(List.of(new Frame(true, 0, Opcode.PING, new byte[100])), wire.frames(role),
                "control frames are never fragmented");
    }

    @Test
    void eachMessageIsOneWrite() {
        WebSocketEngine engine = open(Role.SERVER, WebSocketConfig.builder().outgoingFrameSize(3).build());
        List<Throwable> outcomes = new ArrayList<>();
        engine.sendText("a fragmented message", outcomes::add);
        assertEquals(1, wire.writes());
        assertEquals(1, outcomes.size());
        assertNull(outcomes.get(0));
    }

    @Test
    void unpairedSurrogateIsSentAsQuestionMark() {
        WebSocketEngine engine = open(Role.SERVER);
        engine.sendText("a\uD800b", null);
        assertEquals(List.of(new Frame(true, 0, Opcode.TEXT, utf8("a?b"))), wire.frames(Role.SERVER));
    }

    @Test
    void pingPayloadLongerThan125BytesIsRefused() {
        WebSocketEngine engine = open(Role.SERVER);
        assertThrows(IllegalArgumentException.class, () -> engine.ping(ByteBuffer.allocate(126)));
        assertThrows(IllegalArgumentException.class, () -> engine.pong(ByteBuffer.allocate(126)));
        assertTrue(engine.ping(ByteBuffer.allocate(125)));
        assertEquals(1, wire.frames(Role.SERVER).size());
    }

    @Test
    void preparedMessageIsSentAsEncodedToEveryConnection() {
        PreparedMessage prepared = PreparedMessage.text("hello", 3);
        assertEquals(5, prepared.payloadLength());
        assertEquals(2 + 3 + 2 + 2, prepared.encodedLength());
        EngineWire wire2 = new EngineWire();
        WebSocketEngine a = open(Role.SERVER);
        WebSocketEngine b = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, new EngineEvents(), wire2);
        List<Throwable> outcomes = new ArrayList<>();
        assertTrue(a.sendPrepared(prepared, outcomes::add));
        assertTrue(b.sendPrepared(prepared, outcomes::add));
        byte[] expected = Hex.bytes("01 03 68 65 6c 80 02 6c 6f");
        assertArrayEquals(expected, wire.drain());
        assertArrayEquals(expected, wire2.drain());
        assertEquals(2, outcomes.size());
        assertArrayEquals(expected, Hex.remaining(prepared.frames()), "the prepared message is not consumed");
        assertTrue(prepared.frames().isReadOnly());

        PreparedMessage binary = PreparedMessage.binary(ByteBuffer.wrap(new byte[] {1, 2}), 100);
        a.sendPrepared(binary, null);
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, new byte[] {1, 2})), wire.frames(Role.SERVER));
    }

    @Test
    void preparedMessageNeedsAPositiveFrameSize() {
        assertThrows(IllegalArgumentException.class, () -> PreparedMessage.text("x", 0));
        assertThrows(IllegalArgumentException.class, () -> PreparedMessage.binary(ByteBuffer.allocate(0), -1));
    }

    @Test
    void preparedMessageIsRefusedByAClientAndAfterClose() {
        PreparedMessage prepared = PreparedMessage.binary(ByteBuffer.allocate(4), 100);
        WebSocketEngine client = open(Role.CLIENT);
        assertThrows(IllegalStateException.class, () -> client.sendPrepared(prepared, null));
        WebSocketEngine server = open(Role.SERVER);
        server.close(1000, "");
        wire.drain();
        List<Throwable> outcomes = new ArrayList<>();
        assertFalse(server.sendPrepared(prepared, outcomes::add));
        assertInstanceOf(IllegalStateException.class, outcomes.get(0));
        assertEquals(0, wire.drain().length);
    }

    @Test
    void concurrentSendersNeverInterleaveFrames() throws Exception {
        WebSocketEngine engine = open(Role.CLIENT, WebSocketConfig.builder().outgoingFrameSize(4).build());
        int threads = 4;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        engine.sendText("thread " + id + " message " + i, f -> {
                            if (f != null) {
                                failures.add(f);
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures);
        List<Frame> frames = wire.frames(Role.CLIENT);
        int[] next = new int[threads];
        StringBuilder message = new StringBuilder();
        for (Frame f : frames) {
            assertEquals(message.length() == 0 ? Opcode.TEXT : Opcode.CONTINUATION, f.opcode(), "frames interleaved");
            message.append(new String(f.payload(), java.nio.charset.StandardCharsets.UTF_8));
            if (f.fin()) {
                String[] words = message.toString().split(" ");
                int id = Integer.parseInt(words[1]);
                assertEquals(next[id]++, Integer.parseInt(words[3]), "in order per thread");
                message.setLength(0);
            }
        }
        for (int count : next) {
            assertEquals(perThread, count);
        }
    }

    @Test
    void sendsBeforeTheHandshakeAreRefused() {
        WebSocketEngine engine = WebSocketEngine.server(WebSocketConfig.DEFAULT, events, wire);
        List<Throwable> outcomes = new ArrayList<>();
        assertFalse(engine.sendText("early", outcomes::add));
        assertFalse(engine.sendBinary(ByteBuffer.allocate(1), outcomes::add));
        assertFalse(engine.ping(ByteBuffer.allocate(1)));
        assertEquals(2, outcomes.size());
        outcomes.forEach(o -> assertInstanceOf(IllegalStateException.class, o));
        engine.close(1000, "");
        assertEquals(0, wire.drain().length);
        assertEquals(ConnectionState.CONNECTING, engine.state());
    }
}
