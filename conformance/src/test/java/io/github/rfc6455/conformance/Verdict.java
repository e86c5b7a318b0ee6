package io.github.rfc6455.conformance;

/**
 * The outcome of one case, with the official testsuite's names (autobahntestsuite {@code case/case.py}).
 *
 * <p>Immutable; thread-safe.
 */
enum Verdict {
    /** The peer behaved exactly as expected. */
    OK("OK"),
    /** The peer deviated from a SHOULD or from the canonical behaviour, but is still conformant. */
    NON_STRICT("NON-STRICT"),
    /** The case only reports what the peer did; the specification leaves it open. */
    INFORMATIONAL("INFORMATIONAL"),
    /** The peer does not implement the tested feature (permessage-deflate declined in 12.x/13.x). */
    UNIMPLEMENTED("UNIMPLEMENTED"),
    /** The peer violated a MUST (or, in 9.x/12.x/13.x, did not finish in time). */
    FAILED("FAILED");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The official spelling, as written in reports. */
    String label() {
        return label;
    }

    /** Whether the kit counts this verdict as passed (OK or INFORMATIONAL). */
    boolean passed() {
        return this == OK || this == INFORMATIONAL;
    }

    /** Parses an official spelling ({@code "NON-STRICT"}) or a constant name. */
    static Verdict parse(String text) {
        for (Verdict v : values()) {
            if (v.label.equals(text) || v.name().equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + text);
    }
}
