package io.github.rfc6455.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's rules for opening handshakes: which handler serves a path, which documents are served over plain HTTP,
 * which Origins may connect (RFC 6455 section 10.2), which subprotocol is chosen (section 4.2.2, the server's order of
 * preference), and the application's {@link HandshakeFilter}.
 *
 * <p>Immutable and thread-safe.
 */
final class HandshakePolicy {
    /** A handler bound to a path; {@code path} is the key itself, so a session can share the string. */
    record Route(String path, WebSocketHandler handler) {
    }

    private final Map<String, Route> routes;
    private final WebSocketHandler fallback;
    private final Map<String, HttpResource> resources;
    private final Set<String> origins;
    private final List<String> subprotocols;
    private final HandshakeFilter filter;

    HandshakePolicy(Map<String, Route> routes, WebSocketHandler fallback, Map<String, HttpResource> resources,
                    Set<String> origins, List<String> subprotocols, HandshakeFilter filter) {
        this.routes = Map.copyOf(routes);
        this.fallback = fallback;
        this.resources = Map.copyOf(resources);
        this.origins = Set.copyOf(origins);
        this.subprotocols = List.copyOf(subprotocols);
        this.filter = filter;
    }

    /**
     * @param path a request path, or null
     * @return the route serving it (an exact match, else the fallback), or null when none does (404)
     */
    Route route(String path) {
        if (path == null) {
            return null;
        }
        Route route = routes.get(path);
        if (route == null && fallback != null) {
            route = new Route(path.equals("/") ? "/" : path, fallback); // share the common path's string
        }
        return route;
    }

    /**
     * @param path a request path, or null
     * @return the document served at that path, or null
     */
    HttpResource resource(String path) {
        return path == null ? null : resources.get(path);
    }

    /**
     * An absent Origin is allowed: browsers always send one with a WebSocket handshake, and the allow-list exists to
     * protect browser users (RFC 6455 section 10.2); other clients may send any value anyway.
     *
     * @param origin the request's Origin, or null
     * @return true when the allow-list is empty, the header is absent, or its value is on the list
     */
    boolean originAllowed(String origin) {
        return origins.isEmpty() || origin == null || origins.contains(normalizeOrigin(origin));
    }

    /**
     * @param requested the client's subprotocols, in its order
     * @return the first of the server's subprotocols that the client asked for, or null
     */
    String chooseSubprotocol(List<String> requested) {
        if (requested.isEmpty()) {
            return null;
        }
        for (String supported : subprotocols) {
            if (requested.contains(supported)) {
                return supported;
            }
        }
        return null;
    }

    /**
     * @param request the request
     * @return the filter's rejection, or null
     */
    HandshakeFilter.Rejection filter(HandshakeRequest request) {
        return filter == null ? null : filter.check(request);
    }

    /**
     * Origins are compared as their ASCII serialization (RFC 6454 section 6.2), case-insensitively and without a
     * trailing slash, so {@code HTTP://Example.com/} matches {@code http://example.com}.
     *
     * @param origin an origin
     * @return its normalized form
     */
    static String normalizeOrigin(String origin) {
        String s = origin.trim().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
