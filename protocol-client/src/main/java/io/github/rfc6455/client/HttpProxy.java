package io.github.rfc6455.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * An HTTP proxy that a {@link WebSocket} tunnels through with {@code CONNECT} (RFC 9110 section 9.3.6), as RFC 6455
 * section 4.1 suggests for clients behind a proxy; Qt's {@code QNetworkProxy::HttpProxy}. TLS ({@code wss}) runs
 * end to end inside the tunnel.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param username the user for {@code Proxy-Authorization: Basic}, or null for none
 * @param password the password, or null for none
 */
public record HttpProxy(String host, int port, String username, String password) {
    /**
     * @throws NullPointerException when the host is null
     * @throws IllegalArgumentException when the port is out of range, or only one of username and password is given
     */
    public HttpProxy {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid proxy port " + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("give both a proxy username and a password, or neither");
        }
    }

    /**
     * @param host the proxy's host name or address
     * @param port the proxy's port
     * @return a proxy without credentials
     */
    public static HttpProxy of(String host, int port) {
        return new HttpProxy(host, port, null, null);
    }

    /**
     * @param user the user name
     * @param secret the password
     * @return this proxy with Basic credentials (RFC 7617)
     */
    public HttpProxy withCredentials(String user, String secret) {
        return new HttpProxy(host, port, Objects.requireNonNull(user, "user"), Objects.requireNonNull(secret, "secret"));
    }

    /** @return the {@code Proxy-Authorization} value for the credentials, or null when there are none */
    String authorization() {
        if (username == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** @return the proxy without its password, for logs */
    @Override
    public String toString() {
        return "HttpProxy[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
    }
}
