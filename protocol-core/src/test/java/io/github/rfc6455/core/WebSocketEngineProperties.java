package io.github.rfc6455.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import io.github.rfc6455.core.frame.Hex;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.handshake.ClientHandshake;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The engine's results do not depend on how its input is split: for generated streams of fragmented text (cut
 * inside characters) and binary messages with pings interleaved, ending cleanly, with a Close, or with a violation,
 * every chunking gives the same events, the same bytes out and the same transport calls as feeding it whole, and
 * those match what the stream holds.
 */
class WebSocketEngineProperties {
    static final WebSocketConfig CONFIG = WebSocketConfig.builder()
            .maxFramePayload(1000).maxMessageSize(3000).maxFragmentsPerMessage(8).build();

    /** How the engine is set up: open from the start, or running the opening handshake as server or client. */
    enum Setup { SERVER_OPEN, CLIENT_OPEN, SERVER_HANDSHAKE, CLIENT_HANDSHAKE }

    /** A generated input: bytes for the engine, the events they must give, and the frames the engine must send. */
    record Stream(Setup setup, byte[] input, List<String> expectedEvents, List<Frame> expectedOut, String ending) {
        Role role() {
            return setup == Setup.SERVER_OPEN || setup == Setup.SERVER_HANDSHAKE ? Role.SERVER : Role.CLIENT;
        }

        @Override
        public String toString() {
            return setup + ", " + input.length + " bytes, ending " + ending + ", events " + expectedEvents;
        }
    }

    /** One message: its payload cut into fragments, with a ping after some of the non-final fragments. */
    record Message(boolean text, byte[] payload, List<Integer> cuts, int pingsAfter) {
    }

    /** What the engine observably did. */
    record Outcome(List<String> events, List<Frame> framesOut, String httpOut, List<Boolean> closeTransport) {
    }

    // ------------------------------------------------------------------------------------------- generators

    private static Arbitrary<Message> messages() {
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(150)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(900);
        Arbitrary<Boolean> isText = Arbitraries.of(true, false);
        return isText.flatMap(t -> Combinators.combine(t ? text : binary,
                Arbitraries.integers().between(0, 900).list().ofMaxSize(3), Arbitraries.integers().between(0, 7))
                .as((payload, cuts, pings) -> new Message(t, payload, cuts, pings)));
    }

    private static Arbitrary<Object> items() {
        Arbitrary<Object> control = Combinators.combine(Arbitraries.of(Opcode.PING, Opcode.PONG),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(125))
                .as((op, payload) -> new Frame(true, 0, op, payload));
        return Arbitraries.frequencyOf(Tuple.of(4, messages().map(m -> (Object) m)), Tuple.of(1, control));
    }

    @Provide
    Arbitrary<Stream> streams() {
        Arbitrary<String> ending = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("none")),
                Tuple.of(2, Arbitraries.of("close", "close 1005")),
                Tuple.of(3, Arbitraries.of("invalid utf-8", "truncated utf-8", "reserved opcode", "orphan continuation",
                        "wrong mask", "frame too big", "message too big", "bad close code", "long ping")));
        return Combinators.combine(Arbitraries.of(Setup.class), items().list().ofMaxSize(5), ending,
                Arbitraries.longs()).as(WebSocketEngineProperties::build);
    }

    private static Stream build(Setup setup, List<Object> items, String ending, long seed) {
        Role role = setup == Setup.SERVER_OPEN || setup == Setup.SERVER_HANDSHAKE ? Role.SERVER : Role.CLIENT;
        PeerFrames peer = PeerFrames.to(role);
        List<byte[]> parts = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<Frame> out = new ArrayList<>();
        if (setup == Setup.SERVER_HANDSHAKE) {
            parts.add(WebSocketEngineHandshakeTest.ascii(WebSocketEngineHandshakeTest.REQUEST));
            events.add("upgrade /chat");
            events.add("open");
        } else if (setup == Setup.CLIENT_HANDSHAKE) {
            parts.add(WebSocketEngineHandshakeTest.ascii(WebSocketEngineHandshakeTest.RESPONSE));
            events.add("open");
        }
        for (Object item : items) {
            if (item instanceof Frame control) {
                parts.add(peer.frame(true, control.opcode(), control.payload()));
                addControl(events, out, control.opcode(), control.payload());
            } else {
                addMessage((Message) item, peer, parts, events, out);
            }
        }
        Random random = new Random(seed);
        switch (ending) {
            case "none":
                break;
            case "close":
                int code = 4000 + random.nextInt(999);
                parts.add(peer.close(code, "bye ✓"));
                events.add("close received " + code + " bye ✓");
                out.add(closeFrame(code));
                parts.add(peer.text("ignored after close"));
                break;
            case "close 1005":
                parts.add(peer.closeWithBody(new byte[0]));
                events.add("close received 1005 ");
                out.add(closeFrame(1000));
                parts.add(peer.binary(new byte[] {1}));
                break;
            default:
                parts.add(violation(ending, peer, role));
                events.add("failure " + violationCode(ending));
                out.add(closeFrame(violationCode(ending)));
                parts.add(peer.text("ignored after failure"));
                break;
        }
        return new Stream(setup, Hex.concat(parts.toArray(new byte[0][])), events, out, ending);
    }

    private static void addControl(List<String> events, List<Frame> out, int opcode, byte[] payload) {
        if (opcode == Opcode.PING) {
            events.add("ping " + Hex.of(payload));
            out.add(new Frame(true, 0, Opcode.PONG, payload));
        } else {
            events.add("pong " + Hex.of(payload));
        }
    }

    private static void addMessage(Message m, PeerFrames peer, List<byte[]> parts, List<String> events, List<Frame> out) {
        List<Integer> cuts = new ArrayList<>();
        for (int c : m.cuts()) {
            cuts.add(Math.min(c, m.payload().length));
        }
        cuts.sort(null);
        int from = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            int to = i < cuts.size() ? cuts.get(i) : m.payload().length;
            boolean last = i == cuts.size();
            int opcode = i == 0 ? (m.text() ? Opcode.TEXT : Opcode.BINARY) : Opcode.CONTINUATION;
            parts.add(peer.frame(last, opcode, java.util.Arrays.copyOfRange(m.payload(), from, to)));
            if (!last && (m.pingsAfter() & (1 << i)) != 0) {
                byte[] ping = {(byte) i};
                parts.add(peer.frame(true, Opcode.PING, ping));
                addControl(events, out, Opcode.PING, ping);
            }
            from = to;
        }
        events.add(m.text() ? "text " + new String(m.payload(), StandardCharsets.UTF_8) : "binary " + Hex.of(m.payload()));
    }

    private static byte[] violation(String kind, PeerFrames peer, Role role) {
        switch (kind) {
            case "invalid utf-8":
                return peer.frame(true, Opcode.TEXT, Hex.bytes("61 62 ed a0 80 63"));
            case "truncated utf-8":
                return Hex.concat(peer.frame(false, Opcode.TEXT, Hex.bytes("61 f0 9f")),
                        peer.frame(true, Opcode.CONTINUATION, Hex.bytes("98")));
            case "reserved opcode":
                return peer.frame(true, 0xB, new byte[] {1});
            case "orphan continuation":
                return peer.frame(true, Opcode.CONTINUATION, new byte[] {1});
            case "wrong mask":
                return (role == Role.SERVER ? PeerFrames.toClient() : PeerFrames.toServer()).text("x");
            case "frame too big":
                return peer.binary(new byte[1001]);
            case "message too big":
                return Hex.concat(peer.frame(false, Opcode.BINARY, new byte[1000]),
                        peer.frame(false, Opcode.CONTINUATION, new byte[1000]),
                        peer.frame(false, Opcode.CONTINUATION, new byte[1000]),
                        peer.frame(true, Opcode.CONTINUATION, new byte[1]));
            case "bad close code":
                return peer.close(1006, "");
            case "long ping":
                return peer.frame(true, Opcode.PING, new byte[126]);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    private static int violationCode(String kind) {
        switch (kind) {
            case "invalid utf-8":
            case "truncated utf-8":
                return CloseCodes.INVALID_FRAME_PAYLOAD_DATA;
            case "frame too big":
            case "message too big":
                return CloseCodes.MESSAGE_TOO_BIG;
            default:
                return CloseCodes.PROTOCOL_ERROR;
        }
    }

    private static Frame closeFrame(int code) {
        return new Frame(true, 0, Opcode.CLOSE, ByteBuffer.allocate(2).putShort((short) code).array());
    }

    // ------------------------------------------------------------------------------------------- running

    /** Feeds the input in chunks of the given sizes (repeated cyclically), then reports the transport closed. */
    static Outcome run(Stream stream, List<Integer> sizes) {
        EngineEvents events = new EngineEvents();
        EngineWire wire = new EngineWire();
        WebSocketEngine engine;
        switch (stream.setup()) {
            case SERVER_OPEN:
            case CLIENT_OPEN:
                engine = WebSocketEngine.open(stream.role(), CONFIG, null, events, wire);
                break;
            case SERVER_HANDSHAKE:
                engine = WebSocketEngine.server(CONFIG, events, wire);
                break;
            default:
                ClientHandshake handshake = ClientHandshake.builder(URI.create("ws://server.example.com/chat"))
                        .key("dGhlIHNhbXBsZSBub25jZQ==").build();
                engine = WebSocketEngine.client(handshake, CONFIG, events, wire);
                engine.start();
                wire.drain();
                break;
        }
        byte[] input = stream.input().clone();
        int at = 0;
        int i = 0;
        while (at < input.length) {
            int n = Math.min(input.length - at, sizes.get(i++ % sizes.size()));
            engine.receive(ByteBuffer.wrap(input, at, n));
            at += n;
        }
        byte[] written = wire.drain();
        String http = "";
        if (stream.setup() == Setup.SERVER_HANDSHAKE) {
            int headEnd = new String(written, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            http = new String(written, 0, headEnd, StandardCharsets.ISO_8859_1);
            written = java.util.Arrays.copyOfRange(written, headEnd, written.length);
        }
        engine.transportClosed();
        return new Outcome(events.log, EngineWire.decode(stream.role(), written), http, wire.closeTransportCalls());
    }

    static Outcome whole(Stream stream) {
        return run(stream, List.of(Math.max(1, stream.input().length)));
    }

    // ------------------------------------------------------------------------------------------- properties

    @Property(tries = 300)
    void wholeInputGivesTheEventsTheStreamHolds(@ForAll("streams") Stream stream) {
        Outcome outcome = whole(stream);
        List<String> expected = new ArrayList<>(stream.expectedEvents());
        switch (stream.ending()) {
            case "none":
                expected.add("closed 1006");
                assertEquals(List.of(), outcome.closeTransport());
                break;
            case "close":
                expected.add("closed " + stream.expectedEvents().get(stream.expectedEvents().size() - 1)
                        .split(" ")[2] + " by peer");
                assertEquals(List.of(stream.role() == Role.CLIENT), outcome.closeTransport());
                break;
            case "close 1005":
                expected.add("closed 1005 by peer");
                assertEquals(List.of(stream.role() == Role.CLIENT), outcome.closeTransport());
                break;
            default:
                expected.add("closed 1006");
                assertEquals(List.of(false), outcome.closeTransport());
                break;
        }
        assertEquals(expected, outcome.events());
        List<Frame> out = outcome.framesOut();
        if (!stream.ending().equals("none") && !stream.ending().startsWith("close")) {
            // the failure's close frame carries a reason; compare its code only
            Frame close = out.get(out.size() - 1);
            EngineWire.assertClose(close, violationCode(stream.ending()));
            out = out.subList(0, out.size() - 1);
            assertEquals(stream.expectedOut().subList(0, stream.expectedOut().size() - 1), out);
        } else {
            assertEquals(stream.expectedOut(), out);
        }
    }

    @Property(tries = 300)
    void anyChunkingGivesTheSameOutcome(@ForAll("streams") Stream stream,
                                       @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 300) Integer> sizes) {
        assertEquals(whole(stream), run(stream, sizes));
    }

    @Property(tries = 100)
    void oneByteChunksGiveTheSameOutcome(@ForAll("streams") Stream stream) {
        assertEquals(whole(stream), run(stream, List.of(1)));
    }

    @Property(tries = 30)
    void everySplitInTwoGivesTheSameOutcome(@ForAll("streams") Stream stream) {
        Outcome expected = whole(stream);
        int length = stream.input().length;
        for (int cut = 1; cut < length; cut++) {
            assertEquals(expected, run(stream, List.of(cut, length - cut)), "cut at " + cut);
        }
    }
}
