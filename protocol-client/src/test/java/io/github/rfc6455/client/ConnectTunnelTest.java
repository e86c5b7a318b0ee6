package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The HTTP CONNECT exchange with a proxy. */
class ConnectTunnelTest {
    @Test
    void writesTheConnectRequest() {
        String request = StandardCharsets.ISO_8859_1.decode(new ConnectTunnel("example.com", 443, "Basic eDp5")
                .request()).toString();
        assertEquals("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nProxy-Authorization: Basic eDp5"
                + "\r\n\r\n", request);
    }

    @Test
    void anyTwoHundredOpensTheTunnelAndLeavesTheRestWhateverTheSplit() throws IOException {
        byte[] answer = "HTTP/1.1 200 Connection established\r\nVia: test\r\n\r\nTLS".getBytes(StandardCharsets.US_ASCII);
        for (int split = 0; split < answer.length - 3; split++) {
            ConnectTunnel tunnel = new ConnectTunnel("h", 80, null);
            ByteBuffer first = ByteBuffer.wrap(answer, 0, split);
            assertFalse(tunnel.receive(first), "incomplete at " + split);
            assertFalse(first.hasRemaining());
            ByteBuffer rest = ByteBuffer.wrap(answer, split, answer.length - split);
            assertTrue(tunnel.receive(rest));
            assertEquals("TLS", StandardCharsets.US_ASCII.decode(rest).toString(), "bytes after the head stay");
        }
    }

    @Test
    void refusalsAndGarbageFail() {
        IOException refused = assertThrows(IOException.class, () -> new ConnectTunnel("h", 80, null)
                .receive(ByteBuffer.wrap("HTTP/1.1 403 Forbidden\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("the proxy refused CONNECT h:80: 403 Forbidden", refused.getMessage());
        IOException garbage = assertThrows(IOException.class, () -> new ConnectTunnel("h", 80, null)
                .receive(ByteBuffer.wrap("\u0000\u0001junk\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(garbage.getMessage().startsWith("invalid answer from the proxy"), garbage.getMessage());
    }
}
