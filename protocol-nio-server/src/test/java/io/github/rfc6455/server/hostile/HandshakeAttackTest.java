package io.github.rfc6455.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.server.RawClient;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.handshake.HeadLimits;
import io.github.rfc6455.core.testing.TestPki;
import io.github.rfc6455.nio.TransportConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile opening handshakes against the real server over loopback: each gets its exact answer (an HTTP status and a
 * closed connection, or a dropped connection), the server holds nothing of it afterwards, and a well-behaved client
 * opened before the attack keeps echoing during and after it. The cases follow peers' security history: slowloris,
 * oversized heads, too many headers (ws CVE-2024-37890), a long subprotocol header (ws CVE-2021-32640, tungstenite
 * CVE-2023-43669), a connection flood, and TLS garbage.
 */
@Timeout(120)
class HandshakeAttackTest {

    /** Slowloris: 50 connections trickle a head a byte at a time; the handshake timeout drops every one. */
    @Test
    void slowlorisHandshakesAreDroppedByTheHandshakeTimeout() throws Exception {
        TransportConfig transport = TransportConfig.builder().handshakeTimeout(Duration.ofSeconds(1)).build();
        try (EchoFixture fixture = EchoFixture.start(WebSocketConfig.DEFAULT, transport);
             RawClient canary = fixture.canary()) {
            List<RawClient> attackers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                RawClient attacker = RawClient.connect(fixture.port());
                attacker.write("GET /echo HTTP/1.1\r\n");
                attackers.add(attacker);
            }
            byte[] trickle = "X-Slow: y\r\n".getBytes(StandardCharsets.ISO_8859_1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int dropped = 0;
            for (int i = 0; dropped < attackers.size() && System.nanoTime() < deadline; i++) {
                dropped = 0;
                for (RawClient attacker : attackers) {
                    try {
                        attacker.write(new byte[] {trickle[i % trickle.length]});
                    } catch (IOException e) {
                        dropped++; // the server closed it
                    }
                }
                if (i == 3) {
                    canary.assertEchoes("during slowloris");
                }
                Thread.sleep(20); // the attack's pace: a byte every 20 ms on every connection
            }
            for (RawClient attacker : attackers) {
                attacker.setTimeout(5000);
                assertTrue(attacker.awaitEof(), "a slowloris connection was not closed");
                attacker.close();
            }
            fixture.awaitConnections(1, Duration.ofSeconds(10));
            canary.assertEchoes("after slowloris");
        }
    }

    /** A head of 1 MiB: 431 once the 8 KiB head limit is passed, the connection closed; nothing more is read. */
    @Test
    void headOfOneMebibyteGets431() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port())) {
            byte[] filler = new byte[1 << 20];
            java.util.Arrays.fill(filler, (byte) 'a');
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    attacker.write("GET /echo HTTP/1.1\r\nHost: a\r\nX-Big: ");
                    attacker.write(filler);
                } catch (IOException e) {
                    // the server closed the connection after its 431: expected
                }
            });
            RawClient.Reply reply = attacker.readReply();
            assertEquals(431, reply.status(), () -> "reply " + reply);
            assertEquals("close", reply.header("Connection"));
            assertTrue(attacker.awaitEof(), "the connection stayed open after 431");
            writing.get(20, TimeUnit.SECONDS);
            canary.assertEchoes("after a 1 MiB head");
            fixture.awaitConnections(1, Duration.ofSeconds(10));
        }
    }

    /** 10,000 headers: 431 at the 101st (the header count limit), connection closed. */
    @Test
    void tenThousandHeadersGet431() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port())) {
            StringBuilder head = new StringBuilder(RawClient.upgradeRequest("/echo", ""));
            head.setLength(head.length() - 2);
            for (int i = 0; i < 10_000; i++) {
                head.append("X-").append(i).append(": v\r\n");
            }
            head.append("\r\n");
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    attacker.write(head.toString());
                } catch (IOException e) {
                    // closed after the 431
                }
            });
            RawClient.Reply reply = attacker.readReply();
            assertEquals(431, reply.status(), () -> "reply " + reply);
            assertTrue(reply.body().contains("header"), reply.body());
            assertTrue(attacker.awaitEof());
            writing.get(20, TimeUnit.SECONDS);
            canary.assertEchoes("after 10,000 headers");
            fixture.awaitConnections(1, Duration.ofSeconds(10));
        }
    }

    /**
     * A Sec-WebSocket-Protocol header of 100,000 spaces and commas (the ws ReDoS, CVE-2021-32640): with the default
     * head limit it is 431; with a head limit raised to 1 MiB the server parses it in one linear pass and answers 400
     * (no subprotocol in it) or, with a real one at its end, 101 with that subprotocol, before the read deadline.
     */
    @Test
    void subprotocolHeaderOfSpacesAndCommasIsAnsweredPromptly() throws Exception {
        String separators = " ,".repeat(50_000);
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port())) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    attacker.write(RawClient.upgradeRequest("/echo", "Sec-WebSocket-Protocol: " + separators
                            + "\r\n"));
                } catch (IOException e) {
                    // closed after the 431
                }
            });
            assertEquals(431, attacker.readReply().status());
            writing.get(20, TimeUnit.SECONDS);
            canary.assertEchoes("after a long subprotocol header");
        }
        WebSocketConfig bigHeads = WebSocketConfig.builder().headLimits(new HeadLimits(1 << 20, 100)).build();
        try (EchoFixture fixture = EchoFixture.start(b -> b.webSocketConfig(bigHeads).subprotocols(List.of("chat")));
             RawClient canary = fixture.canary()) {
            try (RawClient attacker = RawClient.connect(fixture.port())) {
                attacker.write(RawClient.upgradeRequest("/echo", "Sec-WebSocket-Protocol: " + separators
                        + "\r\n"));
                RawClient.Reply reply = attacker.readReply(); // within the 20 s read deadline
                assertEquals(400, reply.status(), () -> "reply " + reply);
                assertTrue(reply.body().contains("Sec-WebSocket-Protocol"), reply.body());
            }
            try (RawClient attacker = RawClient.connect(fixture.port())) {
                attacker.write(RawClient.upgradeRequest("/echo", "Sec-WebSocket-Protocol: " + separators
                        + "chat\r\n"));
                RawClient.Reply reply = attacker.readReply();
                assertEquals(101, reply.status(), () -> "reply " + reply);
                assertEquals("chat", reply.header("Sec-WebSocket-Protocol"));
                attacker.assertEchoes("through the long header");
            }
            canary.assertEchoes("after long subprotocol headers");
        }
    }

    /** An upgrade request without its Upgrade header (ws CVE-2024-37890 crashed on such): 400 naming the header. */
    @Test
    void upgradeWithoutUpgradeHeaderIsPlainHttp() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port())) {
            attacker.write(RawClient.upgradeRequest("/echo", "").replace("Upgrade: websocket\r\n", ""));
            RawClient.Reply reply = attacker.readReply();
            assertEquals(400, reply.status(), () -> "reply " + reply);
            assertTrue(reply.body().contains("Upgrade"), reply.body());
            assertTrue(attacker.awaitEof());
            canary.assertEchoes("after a request without Upgrade");
        }
    }

    /** A connection flood past maxConnections: the sessions beyond it get 503; the limit's sessions keep working. */
    @Test
    void connectionFloodPastTheLimitGets503() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(b -> b.maxConnections(10));
             RawClient canary = fixture.canary()) {
            List<RawClient> admitted = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                admitted.add(RawClient.connect(fixture.port()).open("/echo"));
            }
            for (int i = 0; i < 200; i++) {
                try (RawClient flood = RawClient.connect(fixture.port())) {
                    flood.write(RawClient.upgradeRequest("/echo", ""));
                    RawClient.Reply reply = flood.readReply();
                    assertEquals(503, reply.status(), () -> "reply " + reply);
                    assertTrue(flood.awaitEof());
                }
                if (i == 100) {
                    canary.assertEchoes("during the flood");
                }
            }
            for (RawClient client : admitted) {
                client.assertEchoes("admitted");
                client.close();
            }
            canary.assertEchoes("after the flood");
            fixture.awaitConnections(1, Duration.ofSeconds(10));
            // slots are given back: a new client gets in again
            try (RawClient late = RawClient.connect(fixture.port()).open("/echo")) {
                late.assertEchoes("a slot was freed");
            }
        }
    }

    /** Garbage instead of a TLS ClientHello: the connection is closed, nothing is held, wss clients keep working. */
    @Test
    void tlsGarbageIsClosedCleanly() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(b -> b.listenTls(new InetSocketAddress("127.0.0.1", 0),
                TestPki.serverContext()))) {
            int tlsPort = fixture.server.localAddresses().get(1).getPort();
            try (RawClient canary = RawClient.connectTls(tlsPort, TestPki.clientContext()).open("/echo")) {
                Random random = new Random(6455);
                for (int i = 0; i < 20; i++) {
                    try (RawClient attacker = RawClient.connect(tlsPort)) {
                        byte[] garbage = new byte[1 + random.nextInt(4096)];
                        random.nextBytes(garbage);
                        if (i % 2 == 0) {
                            garbage = RawClient.upgradeRequest("/echo", "").getBytes(StandardCharsets.US_ASCII);
                        }
                        try {
                            attacker.write(garbage);
                        } catch (IOException e) {
                            // already closed by the server
                        }
                        assertTrue(attacker.awaitEof(), "garbage on the TLS port did not close the connection");
                    }
                }
                canary.assertEchoes("after TLS garbage");
                fixture.awaitConnections(1, Duration.ofSeconds(10));
            }
        }
    }
}
