package io.github.rfc6455.core.tls;

/**
 * Where a {@link TlsAdapter} stands after a call. The WebSocket layers above TLS (RFC 6455 section 4.1: a
 * {@code wss} URI means a TLS connection) start their HTTP upgrade on the first {@link #OPEN}.
 *
 * <p>Immutable and thread-safe.
 */
public enum TlsStatus {
    /** The TLS handshake is in progress: write {@link TlsAdapter#output()}, keep reading. */
    HANDSHAKING,
    /**
     * A delegated handshake task runs on the adapter's executor: stop reading until its completion callback fires,
     * then call {@link TlsAdapter#unwrap} with an empty buffer to resume.
     */
    AWAITING_TASK,
    /** The handshake finished: application data flows both ways. */
    OPEN,
    /** The peer sent close_notify: no more inbound data; we may still send, then {@link TlsAdapter#close()}. */
    INBOUND_CLOSED,
    /** Our close_notify was produced (write {@link TlsAdapter#output()}); the peer's has not arrived yet. */
    OUTBOUND_CLOSED,
    /** Both directions are closed: write what {@link TlsAdapter#output()} still holds, then close TCP. */
    CLOSED
}
