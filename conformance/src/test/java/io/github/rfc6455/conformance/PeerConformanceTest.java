package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole kit against independent peers, to validate its verdicts (not the peers): Netty's server and client are
 * fully OK with a few NON-STRICT in 6.4.x (they validate UTF-8 per frame, not per chop); Java-WebSocket's client is
 * reported as it is. Tagged {@code peer}: runs with {@code -Pconformance-peers}.
 */
@Tag("peer")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PeerConformanceTest {

    private static final KitOptions OPTIONS = KitOptions.fromSystemProperties();
    private static final List<String> NETTY_NON_STRICT = List.of("6.4.3", "6.4.4");

    @Test
    void nettyServer() throws Exception {
        ConformanceReport report = ServerSideRunner.run(new NettyEchoServer(NettyEchoServer.Flaw.NONE), OPTIONS);
        ReportWriter.write(report, OPTIONS.outputDir().resolve("peer-server-netty"));
        assertNettyVerdicts(report);
    }

    @Test
    void nettyClient() throws Exception {
        ConformanceReport report = ClientSideRunner.run(new NettyClientDriver(true), OPTIONS);
        ReportWriter.write(report, OPTIONS.outputDir().resolve("peer-client-netty"));
        assertNettyVerdicts(report);
    }

    @Test
    void javaWebSocketClient() throws Exception {
        ConformanceReport report = ClientSideRunner.run(new JavaWebSocketClientDriver(true), OPTIONS);
        ReportWriter.write(report, OPTIONS.outputDir().resolve("peer-client-java-websocket"));
        assertEquals(CaseCatalog.get().select(OPTIONS.cases()).size(), report.results().size());
        assertTrue(report.results().stream().noneMatch(r -> r.notes().contains("Missing")),
                "every case ran");
    }

    private static void assertNettyVerdicts(ConformanceReport report) {
        assertEquals(CaseCatalog.get().select(OPTIONS.cases()).size(), report.results().size());
        for (CaseResult r : report.results()) {
            Verdict expected = NETTY_NON_STRICT.contains(r.id()) ? Verdict.NON_STRICT
                    : r.id().startsWith("7.1.6") || r.id().startsWith("7.13.") ? Verdict.INFORMATIONAL : Verdict.OK;
            assertEquals(expected, r.verdict(), () -> r.id() + ": " + r.result() + " / " + r.resultClose() + " "
                    + r.notes());
        }
    }
}
