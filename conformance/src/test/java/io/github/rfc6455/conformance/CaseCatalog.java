package io.github.rfc6455.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All 517 cases in the official order and numbering (autobahntestsuite {@code case/__init__.py}): sections 1 to 7,
 * 9, 10, 12 and 13, with the official section and sub-section titles.
 *
 * <p>Immutable; thread-safe.
 */
final class CaseCatalog {

    private static final Map<Integer, String> SECTIONS = Map.ofEntries(
            Map.entry(1, "Framing"), Map.entry(2, "Pings/Pongs"), Map.entry(3, "Reserved Bits"),
            Map.entry(4, "Opcodes"), Map.entry(5, "Fragmentation"), Map.entry(6, "UTF-8 Handling"),
            Map.entry(7, "Close Handling"), Map.entry(9, "Limits/Performance"), Map.entry(10, "Misc"),
            Map.entry(12, "WebSocket Compression (different payloads)"),
            Map.entry(13, "WebSocket Compression (different parameters)"));

    private static volatile CaseCatalog instance;

    private final List<CaseDefinition> cases;
    private final Map<String, String> subsectionTitles;

    private CaseCatalog() {
        List<CaseDefinition> all = new ArrayList<>();
        all.addAll(FramingCases.all());
        all.addAll(PingPongCases.all());
        all.addAll(ReservedBitsCases.all());
        all.addAll(OpcodeCases.all());
        all.addAll(FragmentationCases.all());
        all.addAll(Utf8Cases.all());
        all.addAll(CloseCases.all());
        all.addAll(PerformanceCases.all());
        all.addAll(AutoFragmentationCases.all());
        all.addAll(CompressionCases.all());
        Set<String> ids = new HashSet<>();
        for (CaseDefinition c : all) {
            if (!ids.add(c.id())) {
                throw new IllegalStateException("duplicate case id " + c.id());
            }
        }
        this.cases = List.copyOf(all);
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("1.1", "Text Messages");
        titles.put("1.2", "Binary Messages");
        titles.put("4.1", "Non-control Opcodes");
        titles.put("4.2", "Control Opcodes");
        titles.put("6.1", "Valid UTF-8 with zero payload fragments");
        titles.put("6.2", "Valid UTF-8 unfragmented, fragmented on code-points and within code-points");
        titles.put("6.3", "Invalid UTF-8 differently fragmented");
        titles.put("6.4", "Fail-fast on invalid UTF-8");
        List<String> stress = Utf8Cases.stressTitles();
        for (int i = 0; i < stress.size(); i++) {
            titles.put("6." + (i + 5), stress.get(i));
        }
        titles.put("7.1", "Basic close behavior (fuzzer initiated)");
        titles.put("7.3", "Close frame structure: payload length (fuzzer initiated)");
        titles.put("7.5", "Close frame structure: payload value (fuzzer initiated)");
        titles.put("7.7", "Close frame structure: valid close codes (fuzzer initiated)");
        titles.put("7.9", "Close frame structure: invalid close codes (fuzzer initiated)");
        titles.put("7.13", "Informational close information (fuzzer initiated)");
        titles.put("9.1", "Text Message (increasing size)");
        titles.put("9.2", "Binary Message (increasing size)");
        titles.put("9.3", "Fragmented Text Message (fixed size, increasing fragment size)");
        titles.put("9.4", "Fragmented Binary Message (fixed size, increasing fragment size)");
        titles.put("9.5", "Text Message (fixed size, increasing chop size)");
        titles.put("9.6", "Binary Text Message (fixed size, increasing chop size)");
        titles.put("9.7", "Text Message Roundtrip Time (fixed number, increasing size)");
        titles.put("9.8", "Binary Message Roundtrip Time (fixed number, increasing size)");
        titles.put("10.1", "Auto-Fragmentation");
        titles.putAll(CompressionCases.subsectionTitles());
        this.subsectionTitles = Map.copyOf(titles);
    }

    static CaseCatalog get() {
        CaseCatalog c = instance;
        if (c == null) {
            synchronized (CaseCatalog.class) {
                c = instance;
                if (c == null) {
                    c = new CaseCatalog();
                    instance = c;
                }
            }
        }
        return c;
    }

    /** Every case, in order; case number N (1-based) is {@code cases().get(N - 1)}. */
    List<CaseDefinition> cases() {
        return cases;
    }

    /** The case numbers (1-based) selected by official-style patterns such as {@code "1.*"} or {@code "6.4.1"}. */
    List<Integer> select(List<String> patterns) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseDefinition c = cases.get(i);
            if (patterns.stream().anyMatch(c::matches)) {
                out.add(i + 1);
            }
        }
        return out;
    }

    static String sectionTitle(int section) {
        return SECTIONS.getOrDefault(section, "Misc");
    }

    String subsectionTitle(String subsection) {
        return subsectionTitles.get(subsection);
    }
}
