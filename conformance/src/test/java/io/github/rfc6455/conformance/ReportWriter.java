package io.github.rfc6455.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a report as {@code report.json} (every case: verdict, both official columns, description, close code,
 * duration, notes) and {@code summary.md} (a table per section), and prints the closing line.
 *
 * <p>Stateless; thread-safe.
 */
final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes both files into {@code dir} and prints two lines to standard output; returns the JSON path. */
    static Path write(ConformanceReport report, Path dir) throws IOException {
        Path json = writeQuietly(report, dir);
        System.out.println("conformance " + report.side() + " side, agent " + report.agent() + ", "
                + report.results().size() + " cases in " + report.durationMs() / 1000 + " s"
                + (report.full() ? "" : " (reduced)") + ": " + dir.toAbsolutePath());
        System.out.println(report.closingLine());
        return json;
    }

    /** Writes both files into {@code dir} without printing (kit self-tests); returns the JSON path. */
    static Path writeQuietly(ConformanceReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("report.json");
        Files.writeString(json, Json.write(toJson(report)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), markdown(report), StandardCharsets.UTF_8);
        return json;
    }

    static Map<String, Object> toJson(ConformanceReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("side", report.side());
        root.put("agent", report.agent());
        root.put("generated", Instant.now().toString());
        root.put("full", report.full());
        root.put("durationMs", report.durationMs());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("cases", report.results().size());
        totals.put("passed", report.passed());
        totals.put("failed", report.failed());
        report.counts().forEach((v, n) -> totals.put(v.label(), n));
        root.put("totals", totals);
        Map<String, Object> cases = new LinkedHashMap<>();
        for (CaseResult r : report.results()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("case", r.index());
            c.put("verdict", r.verdict().label());
            c.put("behavior", r.behavior().label());
            c.put("behaviorClose", r.behaviorClose().label());
            c.put("remoteCloseCode", r.remoteCloseCode());
            c.put("duration", r.durationMs());
            c.put("reportTime", r.reportTime());
            c.put("reduced", r.reduced());
            c.put("description", r.description());
            c.put("expectation", r.expectation());
            c.put("result", r.result());
            c.put("resultClose", r.resultClose());
            c.put("notes", r.notes());
            c.put("expected", r.expected());
            c.put("received", r.received());
            ConnectionFacts f = r.facts();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("closedByMe", f.closedByMe());
            facts.put("failedByMe", f.failedByMe());
            facts.put("droppedByMe", f.droppedByMe());
            facts.put("wasClean", f.wasClean());
            facts.put("wasNotCleanReason", f.wasNotCleanReason());
            facts.put("localCloseCode", f.localCloseCode());
            facts.put("remoteCloseReason", f.remoteCloseReason());
            c.put("connection", facts);
            cases.put(r.id(), c);
        }
        root.put("cases", cases);
        return root;
    }

    static String markdown(ConformanceReport report) {
        CaseCatalog catalog = CaseCatalog.get();
        StringBuilder sb = new StringBuilder();
        sb.append("# Conformance report: ").append(report.side()).append(" side, agent `").append(report.agent())
                .append("`\n\n")
                .append(report.closingLine()).append(" (").append(report.results().size()).append(" cases, ")
                .append(report.durationMs() / 1000).append(" s, ")
                .append(report.full() ? "full run" : "reduced run: 12.x/13.x send fewer messages").append(")\n\n")
                .append("| Section | Cases | OK | NON-STRICT | INFORMATIONAL | UNIMPLEMENTED | FAILED |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        Map<Integer, List<CaseResult>> bySection = new TreeMap<>();
        report.results().forEach(r -> bySection.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r));
        long[] total = new long[Verdict.values().length];
        for (Map.Entry<Integer, List<CaseResult>> e : bySection.entrySet()) {
            long[] n = new long[Verdict.values().length];
            e.getValue().forEach(r -> n[r.verdict().ordinal()]++);
            sb.append("| ").append(e.getKey()).append(' ').append(CaseCatalog.sectionTitle(e.getKey()))
                    .append(" | ").append(e.getValue().size());
            for (Verdict v : Verdict.values()) {
                sb.append(" | ").append(n[v.ordinal()]);
                total[v.ordinal()] += n[v.ordinal()];
            }
            sb.append(" |\n");
        }
        sb.append("| **All** | **").append(report.results().size()).append("**");
        for (Verdict v : Verdict.values()) {
            sb.append(" | **").append(total[v.ordinal()]).append("**");
        }
        sb.append(" |\n");
        for (Map.Entry<Integer, List<CaseResult>> e : bySection.entrySet()) {
            sb.append("\n## ").append(e.getKey()).append(' ').append(CaseCatalog.sectionTitle(e.getKey()))
                    .append("\n\n| Case | Verdict | Behavior | Close | Close code | ms | Notes |\n")
                    .append("|---|---|---|---|---:|---:|---|\n");
            String lastSub = null;
            for (CaseResult r : e.getValue()) {
                String sub = r.id().substring(0, r.id().lastIndexOf('.'));
                if (r.id().chars().filter(ch -> ch == '.').count() == 2 && !sub.equals(lastSub)) {
                    String title = catalog.subsectionTitle(sub);
                    if (title != null) {
                        sb.append("| **").append(sub).append("** | ").append(escape(title)).append(" | | | | | |\n");
                    }
                    lastSub = sub;
                }
                sb.append("| ").append(r.id()).append(" | ").append(r.verdict().label()).append(" | ")
                        .append(r.behavior().label()).append(" | ").append(r.behaviorClose().label()).append(" | ")
                        .append(r.remoteCloseCode() == null ? "" : r.remoteCloseCode()).append(" | ")
                        .append(r.durationMs()).append(" | ").append(escape(shorten(r))).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String shorten(CaseResult r) {
        String text = r.verdict() == Verdict.OK || r.verdict() == Verdict.INFORMATIONAL
                ? (r.reduced() ? "reduced" : "") : r.result() + " " + r.resultClose() + ". " + r.notes();
        return text.length() > 240 ? text.substring(0, 237) + "..." : text.trim();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
