package io.github.rfc6455.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line of CONTRACT.md, section Server. */
class CliOptionsTest {

    @Test
    void defaultsFollowTheContract() throws Exception {
        CliOptions echo = CliOptions.parse(new String[] {"echo"});
        assertEquals("echo", echo.command());
        assertEquals(1234, echo.port());
        assertNull(echo.host());
        assertTrue(echo.deflate());
        assertEquals(16_777_216, echo.maxMessage());
        assertEquals(List.of(), echo.subprotocols());
        assertEquals(List.of(), echo.origins());
        assertNull(echo.tlsKeystore());
        assertEquals(Runtime.getRuntime().availableProcessors(), echo.threads());
        assertEquals(0, echo.maxConnections(), "no connection limit unless asked");
        assertEquals(0, echo.idleTimeoutSeconds(), "no idle timeout unless asked");
        assertEquals(3000, CliOptions.parse(new String[] {"chat"}).port());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        CliOptions o = CliOptions.parse(new String[] {"chat", "--host", "127.0.0.1", "--port", "0", "--no-deflate",
            "--max-message", "1000", "--subprotocols", "v2,v1", "--origins", "http://a.example, https://b.example",
            "--tls-keystore", "k.p12", "--tls-password", "pw", "--threads=3", "--max-connections", "500",
            "--idle-timeout", "60"});
        assertEquals("127.0.0.1", o.host());
        assertEquals(0, o.port());
        assertFalse(o.deflate());
        assertEquals(1000, o.maxMessage());
        assertEquals(List.of("v2", "v1"), o.subprotocols());
        assertEquals(List.of("http://a.example", "https://b.example"), o.origins());
        assertEquals(Path.of("k.p12"), o.tlsKeystore());
        assertEquals("pw", o.tlsPassword());
        assertEquals(3, o.threads());
        assertEquals(500, o.maxConnections());
        assertEquals(60, o.idleTimeoutSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "echo --port", "echo --port x", "echo --port 65536", "echo --port -1",
        "echo --threads 0", "echo --max-message 0", "echo --bogus 1", "echo extra", "echo --subprotocols a,,b",
        "echo --tls-keystore k.p12", "echo --tls-password pw", "echo --no-deflate=yes", "echo --host=", "echo --max-connections 0", "echo --idle-timeout -5"})
    void badCommandLinesAreRefused(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        CliOptions.UsageException e = assertThrows(CliOptions.UsageException.class, () -> CliOptions.parse(args));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void helpIsRecognizedAnywhere() {
        assertTrue(CliOptions.wantsHelp(new String[] {"--help"}));
        assertTrue(CliOptions.wantsHelp(new String[] {"echo", "--port", "1", "--help"}));
        assertFalse(CliOptions.wantsHelp(new String[] {"echo"}));
    }
}
