package io.github.rfc6455.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A committed record of verdicts ({@code baseline-server.json}, {@code baseline-client.json}, in the report format)
 * that the build holds the implementation to: a case OK in the baseline must stay OK.
 *
 * <p>Immutable; thread-safe.
 *
 * @param verdicts case id to verdict
 */
record Baseline(Map<String, Verdict> verdicts) {

    Baseline {
        verdicts = Map.copyOf(verdicts);
    }

    /** Loads a baseline; a missing file is an empty baseline. */
    static Baseline load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Baseline(Map.of());
        }
        Object root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        if (root instanceof Map<?, ?> map && map.get("cases") instanceof Map<?, ?> cases) {
            for (Map.Entry<?, ?> e : cases.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> c && c.get("verdict") instanceof String v) {
                    verdicts.put(String.valueOf(e.getKey()), Verdict.parse(v));
                }
            }
        } else {
            throw new IOException(file + " is not a conformance report (no \"cases\" object)");
        }
        return new Baseline(verdicts);
    }

    /**
     * Writes {@code report}'s verdicts as a baseline: only the verdict per case, so that the file diffs well in
     * version control ({@link #load} reads full reports too).
     */
    static void write(ConformanceReport report, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("side", report.side());
        root.put("agent", report.agent());
        root.put("note", "Regenerate with -Dconformance.updateBaseline=true (see conformance/README.md). The build "
                + "fails when a case OK here is anything else.");
        Map<String, Object> cases = new LinkedHashMap<>();
        for (CaseResult r : report.results()) {
            cases.put(r.id(), Map.of("verdict", r.verdict().label()));
        }
        root.put("cases", cases);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.write(root), StandardCharsets.UTF_8);
    }

    /** Cases that were OK in the baseline and are not OK now, as readable lines. */
    List<String> regressions(ConformanceReport report) {
        List<String> out = new ArrayList<>();
        for (CaseResult r : report.results()) {
            if (verdicts.get(r.id()) == Verdict.OK && r.verdict() != Verdict.OK) {
                out.add(r.id() + " was OK, now " + r.verdict().label() + ": " + r.result() + " / " + r.resultClose()
                        + (r.notes().isEmpty() ? "" : " (" + r.notes() + ")"));
            }
        }
        return out;
    }
}
