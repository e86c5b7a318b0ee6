package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code ServerConformanceTest} and {@code ClientConformanceTest} check of a report about our implementation:
 * no case FAILED, and no case that is OK in the committed baseline became anything else.
 * {@code -Dconformance.updateBaseline=true} writes the new report over the baseline instead.
 *
 * <p>Stateless; thread-safe.
 */
final class OurConformance {

    private OurConformance() {
    }

    static void check(ConformanceReport report, KitOptions options) throws Exception {
        Path dir = options.outputDir().resolve(report.side());
        Path json = ReportWriter.write(report, dir);
        Path baselineFile = options.baselineDir().resolve("baseline-" + report.side() + ".json");
        if (Boolean.getBoolean("conformance.updateBaseline")) {
            Baseline.write(report, baselineFile);
            System.out.println("conformance baseline updated: " + baselineFile.toAbsolutePath());
        }
        List<String> failed = report.with(Verdict.FAILED).stream()
                .map(r -> r.id() + ": " + r.result() + " / " + r.resultClose()
                        + (r.notes().isEmpty() ? "" : " (" + r.notes() + ")"))
                .collect(Collectors.toList());
        List<String> regressions = Baseline.load(baselineFile).regressions(report);
        assertAll(
                () -> assertTrue(failed.isEmpty(), () -> failed.size() + " FAILED cases (report " + json + "):\n  "
                        + String.join("\n  ", failed)),
                () -> assertTrue(regressions.isEmpty(), () -> regressions.size() + " cases regressed from OK in "
                        + baselineFile + ":\n  " + String.join("\n  ", regressions)));
    }
}
