package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client against our server and against Java-WebSocket's: text and binary from 0 B to 16 MiB, fragmentation both
 * ways, ping/pong, subprotocols, extra headers, close codes both ways, wss.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InteropTest {
    private static final int MIB = 1024 * 1024;

    private static WebSocket open(Peer peer, WebSocketOptions options, Recorder recorder) throws Exception {
        WebSocket socket = new WebSocket(options);
        socket.addListener(recorder);
        socket.open(peer.uri("/echo")).get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    static String text(int bytes, long seed) {
        // Mixed 1-, 2-, 3- and 4-byte characters, cut to exactly {@code bytes} UTF-8 bytes.
        String[] alphabet = {"a", "Z", " ", "é", "ß", "€", "中", "😀"};
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        int length = 0;
        while (length < bytes) {
            String c = alphabet[random.nextInt(alphabet.length)];
            int n = c.getBytes(StandardCharsets.UTF_8).length;
            if (length + n > bytes) {
                c = "x";
                n = 1;
            }
            b.append(c);
            length += n;
        }
        return b.toString();
    }

    static byte[] bytes(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void echoesTextAndBinaryOfEverySizeClass(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.DEFAULT, r);
            for (int size : new int[] {0, 1, 125, 126, 127, 65535, 65536, 65537, 300_000, MIB}) {
                String text = text(size, size);
                socket.sendTextMessage(text).get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertEquals(text, r.text(), "text of " + size + " bytes");
                byte[] data = bytes(size, size);
                socket.sendBinaryMessage(data).get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertArrayEquals(data, r.binary(), "binary of " + size + " bytes");
            }
            socket.close();
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void echoesSixteenMebibyteMessages(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            // Uncompressed: random bytes deflate to more than 16 MiB, which a 16 MiB frame limit refuses (see
            // compressesSixteenMebibyteText for the compressed path).
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.builder().perMessageDeflate(false).build(), r);
            byte[] data = bytes(16 * MIB, 16);
            socket.sendBinaryMessage(data);
            assertArrayEquals(data, r.binary());
            String text = text(16 * MIB, 17);
            socket.sendTextMessage(text);
            assertEquals(text, r.text());
            socket.close();
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void compressesSixteenMebibyteText(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.DEFAULT, r);
            String offered = peer.requests.poll(5, TimeUnit.SECONDS).get("sec-websocket-extensions");
            assertEquals("permessage-deflate; client_max_window_bits", offered, "offered by default");
            if (kind == Peer.Kind.OURS) {
                assertTrue(peer.negotiatedExtensions.poll(5, TimeUnit.SECONDS).startsWith("permessage-deflate"));
            }
            String text = text(16 * MIB, 18);
            socket.sendTextMessage(text);
            assertEquals(text, r.text());
            socket.close();
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void sendsFragmentedMessagesWithTheOutgoingFrameSize(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.builder().outgoingFrameSize(1000).build(), r);
            assertEquals(1000, socket.outgoingFrameSize());
            String text = text(10_500, 3);
            socket.sendTextMessage(text);
            assertEquals(text, r.text());
            byte[] data = bytes(10_500, 4);
            socket.sendBinaryMessage(data);
            assertArrayEquals(data, r.binary());
            socket.close();
            r.awaitEnd();
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void reportsFragmentedMessagesFrameByFrameAndWhole(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.builder().frameEvents(true).build(), r);
            byte[] data = bytes(4 * Peer.FRAGMENT + 123, 5);
            socket.sendBinaryMessage(data);
            ByteArrayOutputStream pieces = new ByteArrayOutputStream();
            int count = 0;
            Recorder.Frame frame;
            do {
                frame = r.frame();
                assertFalse(frame.text());
                pieces.writeBytes(frame.data());
                count++;
            } while (!frame.last());
            assertTrue(count > 1, "a message sent in 5 frames arrived in " + count + " piece(s)");
            assertArrayEquals(data, pieces.toByteArray());
            assertArrayEquals(data, r.binary(), "the whole message is reported too");

            String text = text(3 * Peer.FRAGMENT + 77, 6);
            socket.sendTextMessage(text);
            StringBuilder chars = new StringBuilder();
            do {
                frame = r.frame();
                assertTrue(frame.text());
                chars.append(frame.chars());
            } while (!frame.last());
            assertEquals(text, chars.toString());
            assertEquals(text, r.text());
            socket.close();
            r.awaitEnd();
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void pingIsAnsweredWithAPongCarryingTheRoundTripTime(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.DEFAULT, r);
            assertTrue(socket.ping("are you there".getBytes(StandardCharsets.UTF_8)));
            Recorder.Pong pong = r.pong();
            assertEquals("are you there", new String(pong.payload(), StandardCharsets.UTF_8));
            assertFalse(pong.elapsed().isNegative());
            assertTrue(socket.ping());
            assertEquals(0, r.pong().payload().length);
            socket.close();
            r.awaitEnd();
            assertFalse(socket.ping(), "no ping on a closed socket");
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void negotiatesASubprotocol(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = new WebSocket();
            socket.addListener(r);
            socket.setRequestedSubprotocols(List.of("v3.chat", "v1.chat"));
            socket.open(peer.uri("/chat")).get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of("v3.chat", "v1.chat"), socket.requestedSubprotocols());
            assertEquals("v1.chat", socket.negotiatedSubprotocol());
            assertEquals("v3.chat, v1.chat", peer.requests.poll(5, TimeUnit.SECONDS).get("sec-websocket-protocol"));
            socket.close();
            r.awaitEnd();

            socket.setRequestedSubprotocols(List.of());
            socket.open().get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals("", socket.negotiatedSubprotocol());
            socket.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void sendsExtraHeadersAndOrigin(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            WebSocketRequest request = WebSocketRequest.builder(peer.uri("/secret?room=1"))
                    .header("Authorization", "Bearer abc.def")
                    .header("Cookie", "session=42; theme=dark")
                    .header("User-Agent", "rfc6455-test")
                    .origin("https://example.com")
                    .build();
            WebSocket socket = WebSocket.connect(request, WebSocketOptions.DEFAULT, null)
                    .get(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, String> seen = peer.requests.poll(5, TimeUnit.SECONDS);
            assertNotNull(seen);
            assertEquals("Bearer abc.def", seen.get("authorization"));
            assertEquals("session=42; theme=dark", seen.get("cookie"));
            assertEquals("rfc6455-test", seen.get("user-agent"));
            assertEquals("https://example.com", seen.get("origin"));
            socket.abort();
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void clientCloseCodeAndReasonReachTheServer(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.DEFAULT, r);
            r.awaitStatus(WebSocket.Status.OPEN);
            socket.close(4000, "client bye");
            r.awaitStatus(WebSocket.Status.CLOSING);
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
            assertEquals("4000 client bye", peer.closes.poll(5, TimeUnit.SECONDS));
            assertEquals(4000, socket.closeCode(), "the server echoes the code (RFC 6455 section 5.5.1)");
            assertEquals("", socket.errorString());
            assertFalse(socket.isActive());
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void serverCloseCodeAndReasonReachTheClient(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(null)) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.DEFAULT, r);
            socket.sendTextMessage("close:4001:server bye");
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
            assertEquals(4001, socket.closeCode());
            assertEquals("server bye", socket.closeReason());
            assertEquals("", socket.errorString());
            assertEquals(List.of(WebSocket.Status.CONNECTING, WebSocket.Status.OPEN, WebSocket.Status.CLOSING,
                    WebSocket.Status.CLOSED), r.history());
        }
    }

    @ParameterizedTest
    @EnumSource(Peer.Kind.class)
    void talksOverTls(Peer.Kind kind) throws Exception {
        try (Peer peer = kind.start(TestPki.serverContext())) {
            Recorder r = new Recorder();
            WebSocket socket = open(peer, WebSocketOptions.builder().sslContext(TestPki.clientContext()).build(), r);
            assertTrue(socket.url().toString().startsWith("wss://localhost:"));
            String text = text(200_000, 9);
            socket.sendTextMessage(text);
            assertEquals(text, r.text());
            byte[] data = bytes(MIB, 10);
            socket.sendBinaryMessage(data);
            assertArrayEquals(data, r.binary());
            socket.close(4002, "tls bye");
            assertEquals(WebSocket.Status.CLOSED, r.awaitEnd());
            assertEquals("4002 tls bye", peer.closes.poll(5, TimeUnit.SECONDS));
        }
    }
}
