package io.github.rfc6455.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the load tool briefly against the peer echo servers on loopback (port 0) and against a broken server, which
 * it must report.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadToolSmokeTest {

    @ParameterizedTest(name = "{0}: {1} conns, {2}-byte {3} messages, depth {4}")
    @CsvSource({
        "netty, 8, 1024, text, 2",
        "netty, 2, 70000, binary, 2",
        "netty, 3, 0, binary, 1",
        "javawebsocket, 8, 125, binary, 1",
        "javawebsocket, 2, 5000, text, 3",
    })
    void verifiesEveryEchoFromAPeerServer(String server, int conns, int size, String kind, int depth)
            throws Exception {
        try (EchoServer echo = PeerServer.start(server, "127.0.0.1", 0)) {
            LoadResult result = LoadRun.run(options(echo.port(), conns, size, kind.equals("binary"), depth, 2));
            assertEquals(0, result.errors(), "errors");
            assertTrue(result.messages() > conns, "messages: " + result.messages());
            assertTrue(result.p50Micros() > 0 && result.p50Micros() <= result.p99Micros(), result.line());
            assertTrue(result.line().startsWith("RESULT conns=" + conns + " size=" + size + " msgs="));
        }
    }

    @ParameterizedTest
    @EnumSource(MisbehavingEchoServer.Fault.class)
    void reportsEveryConnectionOfABrokenServer(MisbehavingEchoServer.Fault fault) throws Exception {
        try (MisbehavingEchoServer broken = new MisbehavingEchoServer(fault)) {
            LoadResult result = LoadRun.run(options(broken.port(), 3, 100, false, 1, 1));
            assertEquals(3, result.errors(), result.line());
            assertEquals(0, result.messages(), result.line());
        }
    }

    private static LoadOptions options(int port, int conns, int size, boolean binary, int depth, int threads) {
        return new LoadOptions("127.0.0.1", port, "/", conns, size, binary, depth, 0.5, 0.2, threads);
    }
}
