package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** permessage-deflate (RFC 7692) on the server: a browser's offer, Java-WebSocket's deflate, and clients without it. */
@Timeout(60)
class DeflateInteropTest {
    private final RecordingHandler handler = new RecordingHandler(true);
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .threads(1)
                .daemonThreads(true)
                .defaultRoute(handler)
                .webSocketConfig(WebSocketConfig.builder().extensions(List.of(PerMessageDeflate.defaults())).build())
                .build()
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void browserStyleOfferIsNegotiatedAndCompressedFramesAreRead() throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            // What Chrome and Firefox send.
            client.write(RawClient.upgradeRequest("/", "Sec-WebSocket-Extensions: permessage-deflate; "
                    + "client_max_window_bits\r\n"));
            RawClient.Reply reply = client.readReply();
            assertEquals(101, reply.status());
            String extensions = reply.header("Sec-WebSocket-Extensions");
            assertNotNull(extensions, "permessage-deflate was not accepted");
            assertTrue(extensions.startsWith("permessage-deflate"), extensions);
            Session session = handler.nextSession();
            assertEquals("permessage-deflate", session.extensions().get(0).name());
            // "Hello" compressed, RFC 7692 section 7.2.3.1, with RSV1 set.
            client.sendFrame(true, 4, RawClient.TEXT, new byte[] {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9,
                (byte) 0xc9, 0x07, 0x00});
            assertEquals("text:Hello", handler.next("text:"));
            assertEquals("Hello", client.readFrame().text()); // short: sent uncompressed (section 6 allows it)
        }
    }

    @Test
    void javaWebSocketDeflateRoundTripsLargeMessages() throws Exception {
        try (JavaWebSocketTestClient client = JavaWebSocketTestClient.connectWithDeflate(
                URI.create("ws://127.0.0.1:" + server.port() + "/"))) {
            Session session = handler.nextSession();
            assertFalse(session.extensions().isEmpty(), "Java-WebSocket's offer was not accepted");
            String text = "the quick brown fox jumps over the lazy dog ✓ ".repeat(5000);
            client.sendText(text);
            assertEquals(text, client.nextMessage());
            byte[] random = new byte[300_000];
            new Random(3).nextBytes(random);
            client.sendBinary(random);
            assertArrayEquals(random, (byte[]) client.nextMessage());
        }
    }

    @Test
    void clientWithoutTheExtensionGetsNone() throws Exception {
        try (TestClient client = JdkTestClient.connect(null, URI.create("ws://127.0.0.1:" + server.port() + "/"),
                List.of())) {
            Session session = handler.nextSession();
            assertTrue(session.extensions().isEmpty());
            // The server does not retain requests by default: path and query only.
            assertEquals("/", session.path());
            assertEquals(0, session.request().headers().size());
            assertEquals(session.remoteAddress(), session.request().remoteAddress());
            client.sendText("plain");
            assertEquals("plain", client.nextMessage());
        }
    }
}
