package io.github.rfc6455.client;

import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HeadLimits;
import io.github.rfc6455.core.handshake.HttpHeadParser;
import io.github.rfc6455.core.handshake.HttpResponseHead;
import io.github.rfc6455.nio.TransportPreamble;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP {@code CONNECT} exchange with a proxy (RFC 9110 section 9.3.6) that opens a tunnel to the WebSocket server
 * before TLS and the opening handshake (RFC 6455 section 4.1). Any 2xx answer opens the tunnel; bytes after the
 * answer's head belong to the tunnel.
 *
 * <p>Not thread-safe: used on the connection's event loop.
 */
final class ConnectTunnel implements TransportPreamble {
    private final String authority;
    private final String authorization;
    private final HttpHeadParser parser = HttpHeadParser.forResponse(HeadLimits.DEFAULT);

    /**
     * @param host the WebSocket server's host, as in the URL (IPv6 literals in brackets)
     * @param port the WebSocket server's port
     * @param authorization the {@code Proxy-Authorization} value, or null
     */
    ConnectTunnel(String host, int port, String authorization) {
        this.authority = host + ":" + port;
        this.authorization = authorization;
    }

    @Override
    public ByteBuffer request() {
        String request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n") + "\r\n";
        return ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public boolean receive(ByteBuffer in) throws IOException {
        try {
            if (!parser.parse(in)) {
                return false;
            }
        } catch (HandshakeException e) {
            throw new IOException("invalid answer from the proxy to CONNECT " + authority + ": " + e.getMessage(), e);
        }
        HttpResponseHead response = parser.response();
        if (response.status() / 100 != 2) {
            throw new IOException("the proxy refused CONNECT " + authority + ": " + response.status() + " "
                    + response.reason());
        }
        return true;
    }
}
