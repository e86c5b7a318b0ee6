package io.github.rfc6455.client;

import io.github.rfc6455.core.handshake.ClientHandshake;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** WebSocket URL rules (RFC 6455 section 3) as the client applies them. Stateless. */
final class Urls {
    private Urls() {
    }

    /**
     * @param url a {@code ws://} or {@code wss://} URL, or one without a scheme (then {@code ws://})
     * @return the URL
     * @throws IllegalArgumentException when it is not a valid WebSocket URL
     */
    static URI parse(String url) {
        String text = url.strip();
        if (!text.contains("://")) {
            text = "ws://" + text;
        }
        try {
            return check(new URI(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid WebSocket URL " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param url a URL, possibly without a scheme
     * @return the URL with {@code ws://} when it had no scheme
     */
    static URI normalize(URI url) {
        if (url.getScheme() != null) {
            return check(url);
        }
        return parse(url.getRawAuthority() != null ? "ws:" + url : url.toString());
    }

    private static URI check(URI url) {
        ClientHandshake.builder(url); // throws IllegalArgumentException naming the problem
        return url;
    }

    /** @return true for {@code wss} (and its alias {@code https}) */
    static boolean secure(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("wss") || scheme.equals("https");
    }

    /** @return the host without the brackets of an IPv6 literal */
    static String host(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** @return the port, or the scheme's default */
    static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : secure(url) ? 443 : 80;
    }

    /** @return true when the host is an IPv4 or IPv6 literal, which needs no name resolution and gets no SNI */
    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }
}
