package io.github.rfc6455.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kit's client opening handshake (RFC 6455 section 4.1) with the request the official fuzzing client sends, and
 * a strict check of the server's response, including its permessage-deflate parameters (RFC 7692 section 7.1).
 *
 * <p>Stateless; thread-safe.
 */
final class ClientHandshake {

    /**
     * A completed handshake.
     *
     * @param deflate the negotiated permessage-deflate parameters, or {@code null} when the server declined
     * @param request the request head sent
     * @param response the response head received
     */
    record Outcome(DeflateParams deflate, String request, HttpHead response) {
    }

    private ClientHandshake() {
    }

    static Outcome perform(InputStream in, OutputStream out, URI uri, List<DeflateOffer> offers) throws IOException {
        String key = WebSocketKey.newKey();
        String request = request(uri, key, offers);
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        HttpHead response = HttpHead.read(in);
        return new Outcome(check(response, key, offers), request, response);
    }

    static String request(URI uri, String key, List<DeflateOffer> offers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        StringBuilder sb = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("User-Agent: rfc6455-conformance-kit\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n")
                .append("Upgrade: WebSocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Pragma: no-cache\r\n")
                .append("Cache-Control: no-cache\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        if (!offers.isEmpty()) {
            sb.append("Sec-WebSocket-Extensions: ")
                    .append(offers.stream().map(DeflateOffer::headerValue).collect(Collectors.joining(", ")))
                    .append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    static DeflateParams check(HttpHead response, String key, List<DeflateOffer> offers) throws HandshakeException {
        String[] status = response.startLine().split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.1") || !status[1].equals("101")) {
            throw new HandshakeException("expected HTTP/1.1 101, got: " + response.startLine());
        }
        if (!response.hasToken("upgrade", "websocket")) {
            throw new HandshakeException("response lacks Upgrade: websocket (RFC 6455 section 4.1, item 2)");
        }
        if (!response.hasToken("connection", "upgrade")) {
            throw new HandshakeException("response lacks Connection: Upgrade (RFC 6455 section 4.1, item 3)");
        }
        if (response.count("sec-websocket-accept") != 1
                || !WebSocketKey.accept(key).equals(response.header("sec-websocket-accept"))) {
            throw new HandshakeException("wrong Sec-WebSocket-Accept (RFC 6455 section 4.1, item 4): "
                    + response.header("sec-websocket-accept"));
        }
        if (response.header("sec-websocket-protocol") != null) {
            throw new HandshakeException("server selected a subprotocol none was offered (RFC 6455 section 4.1, item 6)");
        }
        DeflateParams deflate = null;
        for (ExtensionHeader.Extension e : ExtensionHeader.parse(response.header("sec-websocket-extensions"))) {
            if (!e.name().equals("permessage-deflate") || offers.isEmpty()) {
                throw new HandshakeException("server accepted extension " + e.name()
                        + " that was not offered (RFC 6455 section 4.1, item 5)");
            }
            if (deflate != null) {
                throw new HandshakeException("server accepted permessage-deflate twice (RFC 7692 section 5)");
            }
            try {
                deflate = DeflateParams.fromResponse(e.params(), offers);
            } catch (IllegalArgumentException ex) {
                throw new HandshakeException(ex.getMessage());
            }
        }
        return deflate;
    }
}
