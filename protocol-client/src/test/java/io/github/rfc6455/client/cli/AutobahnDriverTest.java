package io.github.rfc6455.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.client.WebSocket;
import io.github.rfc6455.server.Session;
import io.github.rfc6455.server.WebSocketHandler;
import io.github.rfc6455.server.WebSocketServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code autobahn URL [--agent NAME] [--cases FROM-TO]} against a tiny fake fuzzingserver: {@code /getCaseCount}
 * answers 4; case N sends a message and checks that the echo is identical; {@code /updateReports} records the agent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AutobahnDriverTest {
    private static final int CASES = 4;

    private WebSocketServer server;
    /** "runCase N agent pass|fail" and "updateReports agent", in order. */
    private final BlockingQueue<String> log = new LinkedBlockingQueue<>();

    /** The message of case n: text, binary, a fragmented 300 KB text, a fragmented 1 MiB binary. */
    private static Object message(int n) {
        return switch (n) {
            case 1 -> "Hello, Autobahn ✓";
            case 2 -> new byte[] {0, 1, 2, (byte) 0xFF};
            case 3 -> "ü".repeat(150_000);
            default -> {
                byte[] b = new byte[1 << 20];
                new Random(n).nextBytes(b);
                yield b;
            }
        };
    }

    private static Map<String, String> query(String query) {
        Map<String, String> m = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .threads(1)
                .daemonThreads(true)
                .webSocketConfig(io.github.rfc6455.core.WebSocketConfig.builder().outgoingFrameSize(100_000).build())
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onOpen(Session session) {
                        Map<String, String> q = query(session.query());
                        switch (session.path()) {
                            case "/getCaseCount" -> {
                                session.sendText(Integer.toString(CASES));
                                session.close();
                            }
                            case "/runCase" -> {
                                Object m = message(Integer.parseInt(q.get("case")));
                                if (m instanceof String s) {
                                    session.sendText(s);
                                } else {
                                    session.sendBinary(ByteBuffer.wrap((byte[]) m));
                                }
                            }
                            case "/updateReports" -> {
                                log.add("updateReports " + q.get("agent"));
                                session.close();
                            }
                            default -> session.close(1008, "unknown path");
                        }
                    }

                    @Override
                    public void onText(Session session, String text) {
                        finish(session, text.equals(message(caseOf(session))));
                    }

                    @Override
                    public void onBinary(Session session, ByteBuffer data) {
                        byte[] got = new byte[data.remaining()];
                        data.get(got);
                        Object expected = message(caseOf(session));
                        finish(session, expected instanceof byte[] b && java.util.Arrays.equals(b, got));
                    }

                    private int caseOf(Session session) {
                        return Integer.parseInt(query(session.query()).get("case"));
                    }

                    private void finish(Session session, boolean pass) {
                        Map<String, String> q = query(session.query());
                        log.add("runCase " + q.get("case") + " " + q.get("agent") + " " + (pass ? "pass" : "fail"));
                        session.close();
                    }
                })
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return "ws://127.0.0.1:" + server.port();
    }

    private String nextLog() throws InterruptedException {
        String s = log.poll(10, TimeUnit.SECONDS);
        assertTrue(s != null, "nothing logged within 10 s");
        return s;
    }

    @Test
    void runsEveryCaseEchoingEachMessageThenUpdatesTheReports() throws Exception {
        Lines out = new Lines();
        Lines err = new Lines();
        int status = ClientMain.run(new String[] {"autobahn", url(), "--agent", "my agent"},
                new ByteArrayInputStream(new byte[0]), out.stream, err.stream);
        assertEquals(0, status, err.all().toString());
        for (int n = 1; n <= CASES; n++) {
            assertEquals("runCase " + n + " my agent pass", nextLog());
        }
        assertEquals("updateReports my agent", nextLog());
        List<String> rows = out.all();
        assertEquals(CASES + 1, rows.size(), rows.toString());
        for (int n = 1; n <= CASES; n++) {
            assertEquals("case " + n + "/" + CASES + " closed, close code 1000", rows.get(n - 1));
        }
        assertEquals("ran 4 cases; reports updated for agent my agent", rows.get(CASES));
    }

    @Test
    void runsARangeOfCasesWithTheDefaultAgent() throws Exception {
        List<String> progress = new ArrayList<>();
        List<AutobahnDriver.CaseOutcome> outcomes = AutobahnDriver.run(url(), AutobahnDriver.DEFAULT_AGENT, 2, 3,
                progress::add);
        assertEquals(List.of(2, 3), outcomes.stream().map(AutobahnDriver.CaseOutcome::caseNumber).toList());
        assertTrue(outcomes.stream().allMatch(o -> o.status() == WebSocket.Status.CLOSED && o.closeCode() == 1000));
        assertEquals("runCase 2 rfc6455 pass", nextLog());
        assertEquals("runCase 3 rfc6455 pass", nextLog());
        assertEquals("updateReports rfc6455", nextLog());
        assertEquals(2, progress.size());
    }

    @Test
    void theCommandLineDefaultsTheAgentAndTakesARange() throws Exception {
        Lines out = new Lines();
        assertEquals(0, ClientMain.run(new String[] {"autobahn", url() + "/", "--cases", "4-9"},
                new ByteArrayInputStream(new byte[0]), out.stream, new Lines().stream));
        assertEquals("runCase 4 rfc6455 pass", nextLog());
        assertEquals("updateReports rfc6455", nextLog());
        assertEquals(List.of("case 4/4 closed, close code 1000", "ran 1 cases; reports updated for agent rfc6455"),
                out.all());
    }

    @Test
    void anUnreachableFuzzingserverIsAnError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Lines err = new Lines();
        assertEquals(1, ClientMain.run(new String[] {"autobahn", "ws://127.0.0.1:" + port}, new ByteArrayInputStream(
                new byte[0]), new Lines().stream, err.stream));
        assertTrue(err.all().get(0).startsWith("error: no case count from"), err.all().toString());
    }
}
