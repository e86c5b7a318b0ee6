package io.github.rfc6455.conformance;

/**
 * How the connection ended compared with what the case expected (the official {@code behaviorClose}).
 *
 * <p>Immutable; thread-safe.
 */
enum CloseBehavior {
    /** Closed as expected. */
    OK("OK", Verdict.OK),
    /** Closed by the wrong endpoint, or the WebSocket connection was never opened. */
    FAILED("FAILED", Verdict.FAILED),
    /** The case requires a clean closing handshake (RFC 6455 section 7.1.4) and there was none. */
    UNCLEAN("UNCLEAN", Verdict.FAILED),
    /** The peer's close code was not among the expected ones. */
    WRONG_CODE("WRONG CODE", Verdict.NON_STRICT),
    /** The fuzzing client had to drop TCP although the server should (RFC 6455 section 7.1.1). */
    FAILED_BY_CLIENT("FAILED BY CLIENT", Verdict.NON_STRICT),
    /** Informational case: any close is accepted. */
    INFORMATIONAL("INFORMATIONAL", Verdict.INFORMATIONAL);

    private final String label;
    private final Verdict ceiling;

    CloseBehavior(String label, Verdict ceiling) {
        this.label = label;
        this.ceiling = ceiling;
    }

    /** The official spelling, as written in reports. */
    String label() {
        return label;
    }

    /** The best case verdict still possible with this close behaviour. */
    Verdict ceiling() {
        return ceiling;
    }
}
