package io.github.rfc6455.core.fuzz;

import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.Opcode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes the committed seed corpora of the fuzz targets (run once by hand; the files are in
 * {@code src/test/resources/io/github/rfc6455/core/fuzz/<Target>Inputs/fuzz/}):
 * {@code java -cp <test class path> io.github.rfc6455.core.fuzz.SeedWriter protocol-core/src/test/resources}.
 * Each seed is the meaningful input (an RFC example, a browser's handshake, Autobahn-style frames) followed by the
 * numbers the target reads from the end of its input, encoded as libFuzzer's FuzzedDataProvider reads them; a seed
 * with a zero cut seed is delivered in one piece and variants with other cut seeds are delivered in pieces.
 */
final class SeedWriter {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private final Path root;

    private SeedWriter(Path root) {
        this.root = root.resolve("io/github/rfc6455/core/fuzz");
    }

    public static void main(String[] args) throws IOException {
        SeedWriter w = new SeedWriter(Path.of(args[0]));
        w.httpHead();
        w.serverHandshake();
        w.clientHandshake();
        w.frames();
        w.messages();
        w.extensionHeaders();
        w.closeFrames();
        w.inflater();
    }

    /** The numbers a target reads from the end of its input, in the order it reads them. */
    private static final class Tail {
        private final List<byte[]> values = new ArrayList<>();

        /** A value read with consumeLong/consumeInt(min, max). */
        Tail range(long min, long max, long value) {
            long range = max - min;
            long result = value - min;
            int n = 0;
            for (int offset = 0; offset < 64 && (range >>> offset) > 0; offset += 8) {
                n++;
            }
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (result >>> (8 * i)); // the last byte of the input is read first, as the high byte
            }
            values.add(b);
            return this;
        }

        /** A value read with consumeBoolean. */
        Tail bool(boolean value) {
            values.add(new byte[] {(byte) (value ? 1 : 0)});
            return this;
        }

        /** A value read with consumeByte. */
        Tail rawByte(int value) {
            values.add(new byte[] {(byte) value});
            return this;
        }

        byte[] after(byte[] front) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(front);
            for (int i = values.size() - 1; i >= 0; i--) {
                out.writeBytes(values.get(i));
            }
            return out.toByteArray();
        }
    }

    private void write(String target, String name, byte[] seed) throws IOException {
        Path dir = root.resolve(target + "Inputs").resolve("fuzz");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), seed);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------------------------------------- HTTP heads

    static final String RFC_REQUEST = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\nOrigin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n";
    static final String CHROME = "GET /chat HTTP/1.1\r\nHost: localhost:3000\r\nConnection: Upgrade\r\n"
            + "Pragma: no-cache\r\nCache-Control: no-cache\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r\nUpgrade: websocket\r\n"
            + "Origin: http://localhost:3000\r\nSec-WebSocket-Version: 13\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-US,en;q=0.9\r\nSec-WebSocket-Key: " + KEY + "\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
    static final String FIREFOX = "GET /chat HTTP/1.1\r\nHost: localhost:3000\r\nUser-Agent: Mozilla/5.0 (X11; "
            + "Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0\r\nAccept: */*\r\nAccept-Language: en-US,en;q=0.5\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\nSec-WebSocket-Version: 13\r\nOrigin: http://localhost:3000\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Key: " + KEY + "\r\n"
            + "Connection: keep-alive, Upgrade\r\nSec-Fetch-Dest: empty\r\nSec-Fetch-Mode: websocket\r\n"
            + "Sec-Fetch-Site: same-origin\r\nPragma: no-cache\r\nCache-Control: no-cache\r\nUpgrade: websocket\r\n\r\n";
    static final String RFC_RESPONSE = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + ACCEPT + "\r\nSec-WebSocket-Protocol: chat\r\n\r\n";

    private void httpHead() throws IOException {
        String t = "HttpHeadParserFuzzTest";
        String[][] requests = {
            {"rfc6455-request", RFC_REQUEST},
            {"chrome-request", CHROME},
            {"firefox-request", FIREFOX},
            {"bare-lf", "GET / HTTP/1.1\nHost: a\n\n"},
            {"leading-empty-lines", "\r\n\r\nGET /x?y=1 HTTP/1.1\r\nHost: a\r\nX-Empty:\r\n\r\n"},
            {"obs-fold", "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n"},
            {"space-before-colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n"},
            {"bare-cr", "GET / HTTP/1.1\rHost: a\r\n\r\n"},
            {"latin1-value", "GET / HTTP/1.1\r\nHost: a\r\nX: caf\u00e9\t\r\n\r\n"},
            {"absolute-form", "GET ws://example.com/chat?x HTTP/1.1\r\nHost: example.com\r\n\r\n"},
            {"head-then-frame", RFC_REQUEST + "\u0081\u0085\u0037\u00fa\u0021\u003d\u007f\u009f\u004d\u0051\u0058"},
        };
        for (String[] r : requests) {
            write(t, r[0], headTail(0, 8192, 100, false).after(ascii(r[1])));
        }
        write(t, "chrome-request-cut", headTail(0x5eed, 8192, 100, false).after(ascii(CHROME)));
        write(t, "rfc6455-request-1-byte-cuts", headTail(1, 8192, 100, false).after(ascii(RFC_REQUEST)));
        write(t, "too-many-headers", headTail(7, 8192, 3, false).after(ascii(RFC_REQUEST)));
        write(t, "too-long", headTail(9, 64, 100, false).after(ascii(FIREFOX)));
        write(t, "rfc6455-response", headTail(0, 8192, 100, true).after(ascii(RFC_RESPONSE)));
        write(t, "response-cut", headTail(42, 8192, 100, true).after(ascii(RFC_RESPONSE)));
        write(t, "response-404", headTail(0, 8192, 100, true).after(ascii(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot found")));
        write(t, "response-no-reason", headTail(0, 8192, 100, true).after(ascii("HTTP/1.0 200\r\n\r\n")));
    }

    private static Tail headTail(long cuts, int maxHeadBytes, int maxHeaders, boolean response) {
        return new Tail().range(0, Long.MAX_VALUE, cuts).range(0, 8191, 8192 - maxHeadBytes)
                .range(0, 100, 100 - maxHeaders).bool(response);
    }

    private void serverHandshake() throws IOException {
        String t = "ServerHandshakeFuzzTest";
        String[][] requests = {
            {"rfc6455-request", RFC_REQUEST},
            {"chrome-request", CHROME},
            {"firefox-request", FIREFOX},
            {"no-version-426", RFC_REQUEST.replace("Sec-WebSocket-Version: 13\r\n", "")},
            {"version-8-426", RFC_REQUEST.replace("Version: 13", "Version: 8")},
            {"post", RFC_REQUEST.replace("GET", "POST")},
            {"http-1.0", RFC_REQUEST.replace("HTTP/1.1", "HTTP/1.0")},
            {"two-hosts", RFC_REQUEST.replace("Host: server.example.com\r\n", "Host: a\r\nHost: b\r\n")},
            {"short-key", RFC_REQUEST.replace(KEY, "c2hvcnQ=")},
            {"no-upgrade", "GET / HTTP/1.1\r\nHost: a\r\nAccept: text/html\r\n\r\n"},
            {"duplicate-subprotocol", RFC_REQUEST.replace("chat, superchat", "chat, chat")},
            {"commas-subprotocol", RFC_REQUEST.replace("chat, superchat", " , ,chat,, , ")},
            {"absolute-form", RFC_REQUEST.replace("GET /chat", "GET wss://server.example.com/chat?a=b")},
            {"bad-extension", RFC_REQUEST.replace("Sec-WebSocket-Version",
                    "Sec-WebSocket-Extensions: permessage-deflate; a=\"\r\nSec-WebSocket-Version")},
            {"deflate-offers", RFC_REQUEST.replace("Sec-WebSocket-Version", "Sec-WebSocket-Extensions: "
                    + "permessage-deflate; server_max_window_bits=10; client_max_window_bits, permessage-deflate"
                    + "\r\nSec-WebSocket-Version")},
            {"early-frame", RFC_REQUEST + "\u0081\u0085\u0037\u00fa\u0021\u003d\u007f\u009f\u004d\u0051\u0058"},
        };
        for (String[] r : requests) {
            write(t, r[0], new Tail().range(0, Long.MAX_VALUE, 0).bool(true).after(ascii(r[1])));
        }
        write(t, "chrome-request-cut", new Tail().range(0, Long.MAX_VALUE, 77).bool(true).after(ascii(CHROME)));
        write(t, "rfc6455-no-deflate", new Tail().range(0, Long.MAX_VALUE, 3).bool(false).after(ascii(RFC_REQUEST)));
    }

    private void clientHandshake() throws IOException {
        String t = "ClientHandshakeFuzzTest";
        String[][] responses = {
            {"rfc6455-response", RFC_RESPONSE},
            {"no-subprotocol", RFC_RESPONSE.replace("Sec-WebSocket-Protocol: chat\r\n", "")},
            {"deflate", RFC_RESPONSE.replace("Sec-WebSocket-Protocol: chat\r\n",
                    "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10\r\n")},
            {"deflate-no-context", RFC_RESPONSE.replace("Sec-WebSocket-Protocol: chat\r\n", "Sec-WebSocket-Extensions:"
                    + " permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n")},
            {"deflate-bad-bits", RFC_RESPONSE.replace("Sec-WebSocket-Protocol: chat\r\n",
                    "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=16\r\n")},
            {"unknown-extension", RFC_RESPONSE.replace("Sec-WebSocket-Protocol: chat\r\n",
                    "Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n")},
            {"wrong-accept", RFC_RESPONSE.replace(ACCEPT, "dGhlIHNhbXBsZSBub25jZQ==")},
            {"unrequested-subprotocol", RFC_RESPONSE.replace("Protocol: chat", "Protocol: mqtt")},
            {"status-400", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"},
            {"response-then-frame", RFC_RESPONSE + "\u0081\u0005Hello"},
        };
        for (String[] r : responses) {
            write(t, r[0], new Tail().range(0, Long.MAX_VALUE, 0).after(ascii(r[1])));
        }
        write(t, "rfc6455-response-cut", new Tail().range(0, Long.MAX_VALUE, 5).after(ascii(RFC_RESPONSE)));
    }

    // ---------------------------------------------------------------------------------------------- frames

    private static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteBuffer out = ByteBuffer.allocate(FrameEncoder.headerLength(payload.length, masked) + payload.length);
        FrameEncoder.encode(out, fin, rsv, opcode, ByteBuffer.wrap(payload), masked, 0);
        return out.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        String h = hex.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void frames() throws IOException {
        String t = "FrameParserFuzzTest";
        // RFC 6455 section 5.7; a client receives unmasked frames, a server masked ones
        Object[][] seeds = {
            {"rfc-unmasked-hello", hex("810548656c6c6f"), true},
            {"rfc-masked-hello", hex("818537fa213d7f9f4d5158"), false},
            {"rfc-fragmented-hello", hex("010348656c80026c6f"), true},
            {"rfc-ping-hello", hex("890548656c6c6f"), true},
            {"rfc-masked-pong", hex("8a8537fa213d7f9f4d5158"), false},
            {"rfc-256-bytes", concat(hex("827e0100"), new byte[256]), true},
            {"rfc-64k-header", hex("827f0000000000010000"), true},
            {"length-2^63-1", hex("827f7fffffffffffffff"), true},
            {"length-top-bit", hex("827fffffffffffffffff"), true},
            {"length-2^31", hex("82ff000000008000000000000000"), false},
            {"close-1000", frame(true, 0, Opcode.CLOSE, hex("03e8"), false), true},
            {"rsv-bits", frame(true, 0x70, Opcode.TEXT, utf8("x"), true), false},
            {"reserved-opcode", hex("8300"), true},
            {"long-ping", concat(hex("897e007e"), new byte[126]), true},
            {"fragmented-ping", hex("0900"), true},
            {"unmasked-to-server", hex("810548656c6c6f"), false},
        };
        for (Object[] s : seeds) {
            boolean client = (Boolean) s[2];
            write(t, (String) s[0], frameTail(0, 16 << 20, 0, client).after((byte[]) s[1]));
        }
        byte[] many = concat(frame(false, 0, Opcode.TEXT, utf8("Hel"), true), frame(true, 0, Opcode.PING,
                new byte[0], true), frame(true, 0, Opcode.CONTINUATION, utf8("lo"), true));
        write(t, "interleaved-cut", frameTail(99, 16 << 20, 0, false).after(many));
        write(t, "deflate-rsv1", frameTail(3, 16 << 20, 0x40, false).after(frame(true, 0x40, Opcode.BINARY,
                hex("f248cdc9c90700"), true)));
        write(t, "small-limit", frameTail(11, 125, 0, true).after(concat(hex("827e0100"), new byte[256])));
    }

    private static Tail frameTail(long cuts, long maxFrame, int rsv, boolean client) {
        return new Tail().range(0, Long.MAX_VALUE, cuts).range(0, (16L << 20) - 125, (16L << 20) - maxFrame)
                .rawByte(rsv).bool(client);
    }

    private void messages() throws IOException {
        String t = "MessageAssemblerFuzzTest";
        byte[] invalidUtf8 = hex("cebae1bdb9cf83cebcceb5eda080656469746564"); // Autobahn 6.4.x: a surrogate
        Object[][] seeds = {
            {"text-hello", frame(true, 0, Opcode.TEXT, utf8("Hello"), true)},
            {"binary", frame(true, 0, Opcode.BINARY, hex("00ff7f80"), true)},
            {"fragmented-with-ping", concat(frame(false, 0, Opcode.TEXT, utf8("Hel"), true),
                    frame(true, 0, Opcode.PING, utf8("ping"), true), frame(true, 0, Opcode.CONTINUATION,
                    utf8("lo"), true))},
            {"utf8-split-across-frames", concat(frame(false, 0, Opcode.TEXT, hex("cebae1"), true),
                    frame(true, 0, Opcode.CONTINUATION, hex("bdb9cf83cebcceb5"), true))},
            {"utf8-invalid-6.4", frame(true, 0, Opcode.TEXT, invalidUtf8, true)},
            {"utf8-truncated", frame(true, 0, Opcode.TEXT, hex("cebae1bd"), true)},
            {"continuation-without-start", frame(true, 0, Opcode.CONTINUATION, utf8("x"), true)},
            {"new-message-inside-fragmented", concat(frame(false, 0, Opcode.TEXT, utf8("a"), true),
                    frame(true, 0, Opcode.TEXT, utf8("b"), true))},
            {"close-with-reason", frame(true, 0, Opcode.CLOSE, concat(hex("03e8"), utf8("bye")), true)},
            {"close-bad-code", frame(true, 0, Opcode.CLOSE, hex("03ed"), true)},
            {"close-then-text", concat(frame(true, 0, Opcode.CLOSE, hex("0bb8"), true),
                    frame(true, 0, Opcode.TEXT, utf8("after"), true))},
            {"empty-fragments", concat(frame(false, 0, Opcode.BINARY, new byte[0], true),
                    frame(false, 0, Opcode.CONTINUATION, new byte[0], true), frame(false, 0, Opcode.CONTINUATION,
                    new byte[0], true), frame(true, 0, Opcode.CONTINUATION, new byte[0], true))},
            {"announces-16MiB", hex("82ff0000000001000000" + "00000000") },
            {"pings", concat(frame(true, 0, Opcode.PING, new byte[0], true), frame(true, 0, Opcode.PING,
                    new byte[125], true), frame(true, 0, Opcode.PONG, utf8("unsolicited"), true))},
        };
        for (Object[] s : seeds) {
            write(t, (String) s[0], messageTail(0, 16 << 20, 16 << 20, 1 << 20, false, false).after((byte[]) s[1]));
        }
        byte[] fragmented = concat(frame(false, 0, Opcode.TEXT, utf8("Hel"), true), frame(true, 0, Opcode.CONTINUATION,
                utf8("lo"), true));
        write(t, "fragment-limit", messageTail(5, 16 << 20, 16 << 20, 1, false, false).after(fragmented));
        write(t, "message-limit", messageTail(6, 4, 16 << 20, 1 << 20, false, false).after(fragmented));
        write(t, "frame-limit", messageTail(8, 16 << 20, 125, 1 << 20, false, false).after(
                frame(true, 0, Opcode.BINARY, new byte[126], true)));
        write(t, "deliver-fragments", messageTail(13, 16 << 20, 16 << 20, 1 << 20, true, false).after(fragmented));
        write(t, "client-role", messageTail(21, 16 << 20, 16 << 20, 1 << 20, false, true).after(concat(
                frame(false, 0, Opcode.TEXT, utf8("Hel"), false), frame(true, 0, Opcode.CONTINUATION, utf8("lo"),
                false))));
    }

    private static Tail messageTail(long cuts, int maxMessage, int maxFrame, int maxFragments, boolean fragments,
                                    boolean client) {
        int max = 16 << 20;
        return new Tail().range(0, Long.MAX_VALUE, cuts).range(0, max, max - maxMessage)
                .range(0, max - 125, max - maxFrame).range(0, (1 << 20) - 1, (1 << 20) - maxFragments)
                .bool(fragments).bool(client);
    }

    // ---------------------------------------------------------------------------------------------- extensions

    private void extensionHeaders() throws IOException {
        String t = "ExtensionHeaderFuzzTest";
        String[][] seeds = {
            {"chrome", "permessage-deflate; client_max_window_bits"},
            {"firefox", "permessage-deflate"},
            {"two-offers", "permessage-deflate; server_no_context_takeover; server_max_window_bits=10; "
                    + "client_max_window_bits=12, permessage-deflate; client_max_window_bits"},
            {"quoted", "permessage-deflate; client_max_window_bits=\"10\""},
            {"several-headers", "x-foo; a=b\npermessage-deflate; client_no_context_takeover"},
            {"empty-elements", " , ,permessage-deflate ,, "},
            {"bad-bits", "permessage-deflate; server_max_window_bits=16; client_max_window_bits=08"},
            {"repeated", "permessage-deflate; server_no_context_takeover; server_no_context_takeover"},
            {"unknown-parameter", "permessage-deflate; x=1"},
            {"unterminated-quote", "permessage-deflate; a=\"b"},
            {"escaped-quote", "x; a=\"b\\c\""},
            {"response", "permessage-deflate; server_no_context_takeover; client_max_window_bits=9"},
        };
        for (String[] s : seeds) {
            write(t, s[0], ascii(s[1]));
        }
        write(t, "spaces-and-commas", ascii(" ,".repeat(2000)));
    }

    private void closeFrames() throws IOException {
        String t = "CloseFrameFuzzTest";
        Object[][] seeds = {
            {"empty", new byte[0], 1000, "bye"},
            {"one-byte", hex("03"), 1001, ""},
            {"1000-no-reason", hex("03e8"), 1002, "protocol"},
            {"1005-on-wire", hex("03ed"), 1005, "x"},
            {"3000-reason", concat(hex("0bb8"), utf8("Going away \u00e9\u20ac\uD83D\uDE00")), 4999, "\u00e9".repeat(70)},
            {"invalid-reason", concat(hex("03e8"), hex("cebae1bdb9cf83cebcceb5eda080")), 1015, "x"},
            {"long-reason", concat(hex("03e8"), utf8("x".repeat(123))), 1000, "\uD83D\uDE00".repeat(40)},
            {"unpaired-surrogate", hex("0fa0"), 3000, "ab\uD800cd"},
        };
        for (Object[] s : seeds) {
            byte[] body = (byte[]) s[1];
            byte[] reason = ((String) s[3]).getBytes(StandardCharsets.UTF_16BE);
            write(t, (String) s[0], new Tail().range(0, 130, body.length).range(0, 65535, (Integer) s[2])
                    .after(concat(body, reason)));
        }
    }

    // ---------------------------------------------------------------------------------------------- inflater

    private static byte[] deflate(byte[] message) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(message);
        byte[] out = new byte[message.length + 64];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, n - 4); // without 00 00 FF FF (RFC 7692 section 7.2.1)
    }

    private void inflater() throws IOException {
        String t = "InflaterFuzzTest";
        byte[] json = utf8("{\"id\":1,\"name\":\"rfc6455\",\"tags\":[\"websocket\",\"deflate\",\"websocket\"]}");
        Object[][] seeds = {
            {"rfc7692-hello", hex("f248cdc9c90700"), true},
            {"rfc7692-context-hello-twice", hex("f248cdc9c90700"), false},
            {"rfc7692-stored-block", hex("0005 00faff 48656c6c6f 00"), true},
            {"rfc7692-bfinal", hex("f348cdc9c90700 00"), true},
            {"rfc7692-two-blocks", hex("f248050000ffffcac9c90700"), true},
            {"json", deflate(json), true},
            {"binary-random", deflate(hex("00ff10ee7f80deadbeefcafebabe0123456789")), false},
            {"bomb-1MiB-zeros", deflate(new byte[1 << 20]), false},
            {"invalid-block-type", hex("ff"), false},
            {"garbage-after-final", hex("f348cdc9c90700 0001"), true},
            {"empty", new byte[0], true},
        };
        for (Object[] s : seeds) {
            boolean text = (Boolean) s[2];
            write(t, (String) s[0], inflaterTail(0, 64 << 10, 1, text, ((String) s[0]).contains("twice"), false)
                    .after((byte[]) s[1]));
        }
        write(t, "json-fragmented-cut", inflaterTail(17, 64 << 10, 5, true, true, false).after(deflate(json)));
        write(t, "json-no-context-twice", inflaterTail(0, 64 << 10, 2, true, true, true).after(deflate(json)));
        write(t, "json-small-limit", inflaterTail(4, 20, 1, true, false, false).after(deflate(json)));
    }

    private static Tail inflaterTail(long cuts, int maxMessage, int fragments, boolean text, boolean twice,
                                     boolean noContext) {
        int max = 64 << 10;
        return new Tail().range(0, Long.MAX_VALUE, cuts).range(0, max, max - maxMessage).range(1, 8, fragments)
                .bool(text).bool(twice).bool(noContext);
    }
}
