package io.github.rfc6455.core.handshake;

import static io.github.rfc6455.core.handshake.Http.CONNECTION;
import static io.github.rfc6455.core.handshake.Http.HOST;
import static io.github.rfc6455.core.handshake.Http.ORIGIN;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_ACCEPT;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_EXTENSIONS;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_KEY;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_PROTOCOL;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_VERSION;
import static io.github.rfc6455.core.handshake.Http.UPGRADE;
import static io.github.rfc6455.core.handshake.Http.quote;

import io.github.rfc6455.core.extension.ExtensionHeader;
import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.ExtensionSyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The server side of the opening handshake (RFC 6455 section 4.2): validates a client's upgrade request and writes
 * the 101 response that accepts it or the error response that rejects it.
 *
 * <p>Stateless and thread-safe.
 */
public final class ServerHandshake {
    private static final Set<String> ACCEPT_RESERVED = Set.of("upgrade", "connection", "sec-websocket-accept",
            "sec-websocket-protocol", "sec-websocket-extensions");
    private static final Set<String> REJECT_RESERVED = Set.of("content-type", "content-length", "transfer-encoding",
            "connection", "sec-websocket-version");
    private static final List<String> ABSOLUTE_FORM_SCHEMES = List.of("http://", "https://", "ws://", "wss://");

    private ServerHandshake() {
    }

    /**
     * @param head a request head
     * @return true when it asks for a WebSocket upgrade at all ({@code Upgrade} lists {@code websocket}), so it should
     *     be {@link #validate validated} rather than served as plain HTTP
     */
    public static boolean isUpgradeRequest(HttpRequestHead head) {
        return head.headers().containsToken(UPGRADE, Http.WEBSOCKET);
    }

    /**
     * Checks a client's opening handshake against RFC 6455 section 4.2.1: a GET with HTTP/1.1 or a higher 1.x
     * version, an origin-form or http(s)/ws(s) absolute-form target without fragment, exactly one {@code Host},
     * {@code Upgrade} listing {@code websocket}, {@code Connection} listing {@code Upgrade} (both case-insensitive),
     * exactly one {@code Sec-WebSocket-Key} of 16 base64-encoded bytes, {@code Sec-WebSocket-Version: 13}, at most one
     * {@code Origin}, unique token subprotocols and well-formed extension offers (section 9.1).
     *
     * @param head the request head
     * @return the validated request
     * @throws HandshakeException with status 426 when {@code Sec-WebSocket-Version} is missing or not 13 (section
     *     4.4; answer with {@link #reject(HandshakeException)} to add {@code Sec-WebSocket-Version: 13}), 400 for any
     *     other violation; the message names the offending header
     */
    public static UpgradeRequest validate(HttpRequestHead head) throws HandshakeException {
        HttpHeaders headers = head.headers();
        if (!head.method().equals("GET")) {
            throw badRequest("method " + quote(head.method()) + " is not GET");
        }
        if (!Http.isHttp11OrHigher(head.version())) {
            throw badRequest("HTTP version " + quote(head.version()) + " is not HTTP/1.1 or higher");
        }
        String target = head.target();
        boolean originForm = target.startsWith("/");
        boolean absoluteForm = ABSOLUTE_FORM_SCHEMES.stream()
                .anyMatch(scheme -> target.regionMatches(true, 0, scheme, 0, scheme.length()));
        if (!(originForm || absoluteForm) || target.indexOf('#') >= 0) {
            throw badRequest("request target " + quote(target) + " is not a resource name");
        }
        String host = single(headers, HOST);
        if (host == null || host.isEmpty()) {
            throw badRequest("missing " + HOST + " header");
        }
        requireToken(headers, UPGRADE, Http.WEBSOCKET);
        requireToken(headers, CONNECTION, UPGRADE);
        String version = single(headers, SEC_WEBSOCKET_VERSION);
        if (!Http.VERSION.equals(version)) {
            throw new HandshakeException(426, version == null ? "missing " + SEC_WEBSOCKET_VERSION + " header"
                    : SEC_WEBSOCKET_VERSION + " " + quote(version) + " is not supported, only " + Http.VERSION);
        }
        String key = single(headers, SEC_WEBSOCKET_KEY);
        if (key == null) {
            throw badRequest("missing " + SEC_WEBSOCKET_KEY + " header");
        }
        if (!SecWebSocketAccept.isValidKey(key)) {
            throw badRequest(SEC_WEBSOCKET_KEY + " " + quote(key) + " is not 16 base64-encoded bytes");
        }
        String origin = single(headers, ORIGIN);
        List<ExtensionOffer> offers;
        try {
            offers = ExtensionHeader.parse(headers.all(SEC_WEBSOCKET_EXTENSIONS));
        } catch (ExtensionSyntaxException e) {
            throw badRequest("malformed " + SEC_WEBSOCKET_EXTENSIONS + " header: " + e.getMessage());
        }
        return new UpgradeRequest(head, head.path(), head.query(), host, origin, key, subprotocols(headers), offers);
    }

    /**
     * The 101 response that completes the handshake (RFC 6455 section 4.2.2).
     *
     * @param request the validated request
     * @param subprotocol the selected subprotocol, one the client requested, or null for none
     * @param extensions the accepted extensions with their response parameters, each one the client offered and at
     *     most once, in the order they apply; empty for none (the header is then omitted)
     * @param extraHeaders more headers such as {@code Set-Cookie}, or null; they must not set the handshake's own
     * @return the response bytes, ready to be written
     * @throws IllegalArgumentException when the subprotocol or an extension was not requested or an extra header is
     *     one the handshake writes
     */
    public static ByteBuffer accept(UpgradeRequest request, String subprotocol, List<ExtensionOffer> extensions,
                                    HttpHeaders extraHeaders) {
        String error = Negotiation.subprotocolError(request.subprotocols(),
                subprotocol == null ? List.of() : List.of(subprotocol));
        if (error == null) {
            error = Negotiation.extensionError(request.extensionOffers(), extensions);
        }
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        HttpHeaders.Builder headers = HttpHeaders.builder()
                .add(UPGRADE, Http.WEBSOCKET)
                .add(CONNECTION, UPGRADE)
                .add(SEC_WEBSOCKET_ACCEPT, SecWebSocketAccept.forKey(request.key()));
        if (subprotocol != null) {
            headers.add(SEC_WEBSOCKET_PROTOCOL, subprotocol);
        }
        if (!extensions.isEmpty()) {
            headers.add(SEC_WEBSOCKET_EXTENSIONS, ExtensionHeader.format(extensions));
        }
        headers.addAll(Http.checkExtra(extraHeaders, ACCEPT_RESERVED));
        return Http.write("HTTP/1.1 101 " + Http.reasonPhrase(101), headers.build(), new byte[0]);
    }

    /**
     * An error response that refuses the handshake (RFC 6455 section 4.2.2): the status line with its standard reason
     * phrase, {@code Content-Type: text/plain; charset=utf-8}, {@code Content-Length}, {@code Connection: close}, for
     * 426 also {@code Upgrade: websocket} and {@code Sec-WebSocket-Version: 13} (section 4.4), the extra headers, and
     * the reason as body. The connection should be closed once it is written.
     *
     * @param status an HTTP status from 300 to 599, for example 400, 403, 404, 426, 431 or 503
     * @param reason the body, UTF-8 encoded
     * @param extraHeaders more headers such as {@code Location} or {@code Retry-After}, or null
     * @return the response bytes, ready to be written
     * @throws IllegalArgumentException when the status is out of range or an extra header is one written here
     */
    public static ByteBuffer reject(int status, String reason, HttpHeaders extraHeaders) {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        HttpHeaders.Builder headers = HttpHeaders.builder()
                .add("Content-Type", "text/plain; charset=utf-8")
                .add("Content-Length", Integer.toString(body.length))
                .add(CONNECTION, "close");
        if (status == 426) {
            headers.add(UPGRADE, Http.WEBSOCKET).add(SEC_WEBSOCKET_VERSION, Http.VERSION);
        }
        headers.addAll(Http.checkExtra(extraHeaders, REJECT_RESERVED));
        return Http.write("HTTP/1.1 " + status + " " + Http.reasonPhrase(status), headers.build(), body);
    }

    /**
     * @param e a failed validation
     * @return {@link #reject(int, String, HttpHeaders) reject(e.status(), e.getMessage(), null)}
     * @throws IllegalArgumentException when the exception carries no error status (a client-side failure)
     */
    public static ByteBuffer reject(HandshakeException e) {
        return reject(e.status(), e.getMessage() == null ? "" : e.getMessage(), null);
    }

    private static HandshakeException badRequest(String message) {
        return new HandshakeException(400, message);
    }

    /** @return the only value of a header, or null when absent */
    private static String single(HttpHeaders headers, String name) throws HandshakeException {
        if (headers.count(name) > 1) {
            throw badRequest("more than one " + name + " header");
        }
        return headers.first(name);
    }

    private static void requireToken(HttpHeaders headers, String name, String token) throws HandshakeException {
        String error = Http.tokenError(headers, name, token);
        if (error != null) {
            throw badRequest(error);
        }
    }

    private static List<String> subprotocols(HttpHeaders headers) throws HandshakeException {
        if (!headers.contains(SEC_WEBSOCKET_PROTOCOL)) {
            return List.of();
        }
        List<String> subprotocols = headers.tokens(SEC_WEBSOCKET_PROTOCOL);
        if (subprotocols.isEmpty()) {
            throw badRequest("empty " + SEC_WEBSOCKET_PROTOCOL + " header");
        }
        Set<String> seen = new HashSet<>();
        for (String subprotocol : subprotocols) {
            if (!HttpHeaders.isToken(subprotocol)) {
                throw badRequest(SEC_WEBSOCKET_PROTOCOL + " value " + quote(subprotocol) + " is not a token");
            }
            if (!seen.add(subprotocol)) {
                throw badRequest("subprotocol " + quote(subprotocol) + " appears twice in " + SEC_WEBSOCKET_PROTOCOL);
            }
        }
        return subprotocols;
    }
}
