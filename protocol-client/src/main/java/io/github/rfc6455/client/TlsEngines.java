package io.github.rfc6455.client;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Creates the client {@link SSLEngine} of a {@code wss} connection (RFC 6455 section 4.1, "if secure is true, the
 * client MUST perform a TLS handshake"): client mode, SNI with the URL's host name (RFC 6066 section 3; not for
 * address literals) and, unless turned off, hostname verification ({@code HTTPS} endpoint identification, RFC 2818
 * section 3.1 and RFC 6125). Stateless.
 */
final class TlsEngines {
    private TlsEngines() {
    }

    /**
     * @param context the context, or null for the JDK default
     * @param host the server's host name or address, as in the URL (without IPv6 brackets)
     * @param port the server's port
     * @param verifyHostname whether the certificate must match {@code host}
     * @return a new client engine
     * @throws IllegalStateException when there is no default TLS context
     */
    static SSLEngine create(SSLContext context, String host, int port, boolean verifyHostname) {
        SSLContext ctx = context;
        if (ctx == null) {
            try {
                ctx = SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context", e);
            }
        }
        SSLEngine engine = ctx.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!Urls.isIpLiteral(host)) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // not a valid DNS name for SNI (e.g. a trailing dot or an underscore): connect without SNI
            }
        }
        engine.setSSLParameters(parameters);
        return engine;
    }
}
