package io.github.rfc6455.conformance;

/**
 * One case of the catalog: its id, texts, and a factory for fresh runs.
 *
 * @param id the official id, e.g. {@code "9.1.6"}
 * @param description what the case sends (official text, HTML removed)
 * @param expectation what the case expects (official text)
 * @param waitSeconds the longest the official case waits for the peer (its kill or close timer)
 * @param factory makes a fresh run; {@code full} asks for the official repetitions
 */
record CaseDefinition(String id, String description, String expectation, double waitSeconds, Factory factory) {

    /** Makes a fresh run of a case. */
    @FunctionalInterface
    interface Factory {
        TestCase create(boolean full);
    }

    /** In reduced runs no case waits longer than this for a peer that does not answer. */
    static final double REDUCED_WAIT = 60;

    /** The official wait, capped at {@link #REDUCED_WAIT} in reduced runs (only a failing peer waits that long). */
    static double cap(double officialSeconds, boolean full) {
        return full ? officialSeconds : Math.min(officialSeconds, REDUCED_WAIT);
    }

    /** The longest the run waits for the peer. */
    double waitSeconds(boolean full) {
        return cap(waitSeconds, full);
    }

    /** The section number, e.g. 9. */
    int section() {
        return Integer.parseInt(id.substring(0, id.indexOf('.')));
    }

    /** The sub-section, e.g. {@code "6.4"}. */
    String subsection() {
        int second = id.indexOf('.', id.indexOf('.') + 1);
        return second < 0 ? id : id.substring(0, second);
    }

    /** Whether the case measures performance and must run alone (section 9). */
    boolean performance() {
        return section() == 9;
    }

    /** Whether {@code pattern} (official syntax: {@code *} wildcards, e.g. {@code "6.4.*"}) selects this case. */
    boolean matches(String pattern) {
        String regex = pattern.trim().replace(".", "\\.").replace("*", ".*");
        return id.matches(regex);
    }
}
