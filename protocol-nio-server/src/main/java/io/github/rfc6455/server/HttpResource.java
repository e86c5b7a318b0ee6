package io.github.rfc6455.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A fixed document the server answers plain HTTP {@code GET} and {@code HEAD} requests with (for example the page of
 * a chat), encoded once as complete HTTP/1.1 responses and shared read-only by every connection.
 *
 * <p>Immutable and thread-safe.
 */
final class HttpResource {
    private final ByteBuffer get;
    private final ByteBuffer head;

    HttpResource(String contentType, byte[] body) {
        byte[] headBytes = ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-cache\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Connection: close\r\n"
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.head = ByteBuffer.wrap(headBytes).asReadOnlyBuffer();
        this.get = ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip()
                .asReadOnlyBuffer();
    }

    /**
     * @param method the request method
     * @return the response bytes for GET (head and body) or HEAD (head only), or null for any other method
     */
    ByteBuffer response(String method) {
        if (method.equals("GET")) {
            return get.duplicate();
        }
        return method.equals("HEAD") ? head.duplicate() : null;
    }
}
