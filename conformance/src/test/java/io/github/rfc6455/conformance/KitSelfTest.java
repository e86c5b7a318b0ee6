package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kit's verdicts over real sockets on a small set of cases: an independent correct peer gets OK, and peers broken
 * on purpose get FAILED exactly where they are broken. Fast enough for every build.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KitSelfTest {

    private static final KitOptions OPTIONS = KitOptions.fromSystemProperties();

    private static Map<String, Verdict> verdicts(ConformanceReport report) {
        return report.results().stream().collect(Collectors.toMap(CaseResult::id, CaseResult::verdict,
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, Verdict> serverSide(NettyEchoServer.Flaw flaw, String... cases) throws Exception {
        ConformanceReport report = ServerSideRunner.run(new NettyEchoServer(flaw), OPTIONS.withCases(cases));
        ReportWriter.writeQuietly(report, OPTIONS.outputDir().resolve("self-test").resolve("server-" + flaw));
        return verdicts(report);
    }

    private static Map<String, Verdict> clientSide(boolean echo, String... cases) throws Exception {
        ConformanceReport report = ClientSideRunner.run(new NettyClientDriver(echo), OPTIONS.withCases(cases));
        ReportWriter.writeQuietly(report, OPTIONS.outputDir().resolve("self-test").resolve("client-" + echo));
        return verdicts(report);
    }

    @Test
    void aCorrectServerIsOkAcrossAllKindsOfCases() throws Exception {
        Map<String, Verdict> v = serverSide(NettyEchoServer.Flaw.NONE, "1.1.8", "2.6", "3.2", "4.2.5", "5.8", "5.20",
                "6.2.3", "6.3.2", "6.4.2", "6.9.4", "6.21.8", "7.3.6", "7.5.1", "7.9.4", "9.5.6", "10.1.1", "12.2.4",
                "13.5.11");
        Map<String, Verdict> expected = new LinkedHashMap<>();
        v.keySet().forEach(id -> expected.put(id, Verdict.OK));
        assertEquals(expected, v);
        assertEquals(18, v.size());
        Path dir = OPTIONS.outputDir().resolve("self-test").resolve("server-NONE");
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"13.5.11\""));
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("| 13.5.11 | OK |"));
    }

    @Test
    void aServerThatEchoesInvalidUtf8Fails() throws Exception {
        Map<String, Verdict> v = serverSide(NettyEchoServer.Flaw.NO_UTF8_VALIDATION, "6.2.1", "6.3.1", "6.4.1",
                "6.12.8", "6.20.1");
        assertEquals(Map.of("6.2.1", Verdict.OK, "6.3.1", Verdict.FAILED, "6.4.1", Verdict.FAILED,
                "6.12.8", Verdict.FAILED, "6.20.1", Verdict.FAILED), v);
    }

    @Test
    void aServerThatNeverAnswersCloseFails() throws Exception {
        Map<String, Verdict> v = serverSide(NettyEchoServer.Flaw.IGNORES_CLOSE, "1.1.1", "2.1", "7.3.3", "3.1");
        assertEquals(Map.of("1.1.1", Verdict.FAILED, "2.1", Verdict.FAILED, "7.3.3", Verdict.FAILED,
                "3.1", Verdict.OK), v, "3.1 does not need the server to answer a close frame");
    }

    @Test
    void aCorrectClientIsOkAndOneThatDoesNotEchoFails() throws Exception {
        assertEquals(Map.of("1.2.4", Verdict.OK, "2.3", Verdict.OK, "5.6", Verdict.OK, "6.3.1", Verdict.OK,
                "6.4.4", Verdict.NON_STRICT, "13.3.2", Verdict.OK),
                clientSide(true, "1.2.4", "2.3", "5.6", "6.3.1", "6.4.4", "13.3.2"), "Netty does not fail fast within a frame");
        assertEquals(Map.of("1.2.4", Verdict.FAILED, "2.3", Verdict.OK, "5.6", Verdict.FAILED),
                clientSide(false, "1.2.4", "2.3", "5.6"), "pongs are automatic, echoes are not");
    }
}
