package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports, baselines and the JSON they are written in. */
class ReportTest {

    private static CaseResult result(int index, String id, Verdict verdict) {
        ConnectionFacts facts = RecordingFuzzer.facts(true, true, 1000, false, false);
        return new CaseResult(index, id, "d", "e", verdict, verdict, CloseBehavior.OK, "r", "rc", 1000, 5, false,
                false, "", List.of(), List.of(), facts);
    }

    @Test
    void jsonRoundTripsWithEscapes() {
        Map<String, Object> value = Map.of("a\"b", List.of(1L, 2.5, true, "x\n\\y", Map.of()));
        assertEquals(value, Json.parse(Json.write(value)));
    }

    @Test
    void countsPassedAndFailedAsTheBuildPrintsThem() {
        ConformanceReport report = new ConformanceReport("server", "x", false, List.of(result(1, "1.1.1", Verdict.OK),
                result(2, "1.1.2", Verdict.INFORMATIONAL), result(3, "1.1.3", Verdict.NON_STRICT),
                result(4, "1.1.4", Verdict.UNIMPLEMENTED), result(5, "1.1.5", Verdict.FAILED)), 1);
        assertEquals("conformance: 2 passed, 3 failed", report.closingLine());
    }

    @Test
    void aBaselineOkThatIsNoLongerOkIsARegression(@TempDir Path dir) throws Exception {
        ConformanceReport before = new ConformanceReport("server", "x", false, List.of(result(1, "1.1.1", Verdict.OK),
                result(2, "1.1.2", Verdict.NON_STRICT), result(3, "1.1.3", Verdict.OK)), 1);
        Path written = ReportWriter.writeQuietly(before, dir);
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("| 1 Framing | 3 | 2 | 1 |"));
        Baseline baseline = Baseline.load(written);
        ConformanceReport after = new ConformanceReport("server", "x", false, List.of(
                result(1, "1.1.1", Verdict.NON_STRICT), result(2, "1.1.2", Verdict.OK),
                result(3, "1.1.3", Verdict.OK), result(4, "1.1.4", Verdict.FAILED)), 1);
        List<String> regressions = baseline.regressions(after);
        assertEquals(1, regressions.size(), regressions::toString);
        assertTrue(regressions.get(0).startsWith("1.1.1 was OK, now NON-STRICT"));
        assertTrue(Baseline.load(dir.resolve("missing.json")).regressions(after).isEmpty());
        Path slim = dir.resolve("baseline.json");
        Baseline.write(before, slim);
        assertEquals(baseline, Baseline.load(slim), "the slim baseline keeps every verdict");
    }

    @Test
    void clientRangesSplitIntoContiguousGroups() {
        assertEquals(List.of(new ClientSideRunner.Range(1, 3), new ClientSideRunner.Range(5, 5)),
                ClientSideRunner.ranges(List.of(1, 2, 3, 5)));
        List<List<ClientSideRunner.Range>> groups = ClientSideRunner.split(
                List.of(new ClientSideRunner.Range(1, 10), new ClientSideRunner.Range(20, 21)), 3);
        assertEquals(List.of(List.of(new ClientSideRunner.Range(1, 4)), List.of(new ClientSideRunner.Range(5, 8)),
                List.of(new ClientSideRunner.Range(9, 10), new ClientSideRunner.Range(20, 21))), groups);
    }
}
