package io.github.rfc6455.server;

/**
 * The application's last word on an upgrade request, after the server's own checks (route, 404; Origin allow-list,
 * 403; connection limit, 503) passed: it may look at the path, query, headers (cookies, authorization) and remote
 * address and refuse the request with an HTTP status (RFC 6455 section 4.2.2: "the server MAY ... send an appropriate
 * HTTP error code").
 *
 * <p>Implementations must be thread-safe: event loops call them concurrently. They run on an event loop thread and
 * must not block.
 */
@FunctionalInterface
public interface HandshakeFilter {

    /**
     * A refusal: the status and reason of the HTTP error response.
     *
     * <p>Immutable and thread-safe.
     *
     * @param status an HTTP error status from 300 to 599, for example 401, 403 or 429
     * @param reason the response body, readable by a person
     */
    record Rejection(int status, String reason) {
        /** @throws IllegalArgumentException when the status is not an error status or the reason is null */
        public Rejection {
            if (status < 300 || status > 599) {
                throw new IllegalArgumentException("not an error status: " + status);
            }
            if (reason == null) {
                throw new IllegalArgumentException("reason must not be null");
            }
        }
    }

    /**
     * @param request the upgrade request
     * @return null to accept the request, or the rejection to answer with
     */
    Rejection check(HandshakeRequest request);
}
