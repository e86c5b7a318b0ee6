package io.github.rfc6455.client;

import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.handshake.HandshakeException;
import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what went wrong into the readable {@link WebSocket#errorString()}. Stateless. */
final class ErrorStrings {
    private ErrorStrings() {
    }

    /**
     * @param reason the transport's description
     * @param cause the exception, or null
     * @param host the server's host name, for TLS failures
     * @param address where TCP connected to (the server, or the proxy), for connect failures
     * @return the error string
     */
    static String transport(String reason, Throwable cause, String host, String address) {
        if (cause instanceof SSLException) {
            return tls(cause, host);
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + address + ": " + cause.getMessage();
        }
        return reason;
    }

    /** Names the two TLS failures users meet most, a certificate for another host and an untrusted one. */
    static String tls(Throwable cause, String host) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || message.contains("pkix path")) {
                return "TLS handshake failed: the server's certificate is not trusted (" + detail + ")";
            }
            if (t instanceof CertificateException && (message.contains("subject alternative")
                    || message.contains("no name matching") || message.contains("not match"))) {
                return "TLS handshake failed: the server's certificate does not match the host name " + host + " ("
                        + detail + ")";
            }
        }
        return "TLS handshake failed: " + detail;
    }

    /**
     * @param failure the engine's handshake failure
     * @return the error string
     */
    static String handshake(HandshakeException failure) {
        return "opening handshake failed: " + failure.getMessage();
    }

    /**
     * @param closeCode the code this client sent when it failed the connection (RFC 6455 section 7.1.7)
     * @param message what the server did wrong
     * @return the error string
     */
    static String failure(int closeCode, String message) {
        return "connection failed with close code " + closeCode + ": " + message;
    }

    /** @return the error string of a connection that ended without a Close frame (RFC 6455 section 7.1.5) */
    static String abnormalClosure() {
        return "connection lost: the server closed TCP without a Close frame (close code "
                + CloseCodes.ABNORMAL_CLOSURE + ")";
    }
}
