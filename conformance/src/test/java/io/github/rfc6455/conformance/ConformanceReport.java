package io.github.rfc6455.conformance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one kit run against one peer.
 *
 * @param side {@code "server"} (the kit played the fuzzing client) or {@code "client"}
 * @param agent the peer's name
 * @param full whether the slowest cases ran in full
 * @param results one result per case run, in case order
 * @param durationMs the whole run's wall-clock time
 */
record ConformanceReport(String side, String agent, boolean full, List<CaseResult> results, long durationMs) {

    ConformanceReport {
        results = List.copyOf(results);
    }

    /** Cases with verdict OK or INFORMATIONAL. */
    long passed() {
        return results.stream().filter(r -> r.verdict().passed()).count();
    }

    /** Every other case (NON-STRICT, UNIMPLEMENTED, FAILED). */
    long failed() {
        return results.size() - passed();
    }

    Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        results.forEach(r -> counts.merge(r.verdict(), 1L, Long::sum));
        return counts;
    }

    /** Results with the given verdict. */
    List<CaseResult> with(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).toList();
    }

    /** The closing line the build prints: {@code conformance: N passed, M failed}. */
    String closingLine() {
        return "conformance: " + passed() + " passed, " + failed() + " failed";
    }
}
