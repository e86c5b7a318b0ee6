package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog has the official cases, numbering and order. */
class CaseCatalogTest {

    private final List<CaseDefinition> cases = CaseCatalog.get().cases();

    @Test
    void has517CasesWithTheOfficialCountPerSection() {
        assertEquals(517, cases.size());
        Map<Integer, Long> perSection = cases.stream()
                .collect(Collectors.groupingBy(CaseDefinition::section, TreeMap::new, Collectors.counting()));
        assertEquals(Map.ofEntries(Map.entry(1, 16L), Map.entry(2, 11L), Map.entry(3, 7L), Map.entry(4, 10L),
                Map.entry(5, 20L), Map.entry(6, 145L), Map.entry(7, 37L), Map.entry(9, 54L), Map.entry(10, 1L),
                Map.entry(12, 90L), Map.entry(13, 126L)), perSection);
    }

    @Test
    void isInTheOfficialOrder() {
        for (int i = 1; i < cases.size(); i++) {
            assertTrue(compare(cases.get(i - 1).id(), cases.get(i).id()) < 0,
                    cases.get(i - 1).id() + " before " + cases.get(i).id());
        }
        assertEquals("1.1.1", cases.get(0).id());
        assertEquals("5.20", cases.get(63).id(), "case 64");
        assertEquals("6.4.4", cases.get(76).id(), "case 77");
        assertEquals("10.1.1", cases.get(300).id(), "case 301 ends the non-compression cases");
        assertEquals("13.7.18", cases.get(516).id());
    }

    private static int compare(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        return Arrays.compare(x, y);
    }

    @Test
    void everyCaseHasTextsATitleAndAFreshRunEachTime() {
        CaseCatalog catalog = CaseCatalog.get();
        for (CaseDefinition c : cases) {
            assertFalse(c.description().isBlank(), c.id());
            assertFalse(c.expectation().isBlank(), c.id());
            assertTrue(c.waitSeconds(true) > 0, c.id());
            if (c.id().chars().filter(ch -> ch == '.').count() == 2 && c.section() != 2 && c.section() != 3
                    && c.section() != 5) {
                assertNotNull(catalog.subsectionTitle(c.subsection()), c.id());
            }
        }
        CaseDefinition first = cases.get(0);
        assertTrue(first.factory().create(false) != first.factory().create(false));
    }

    @Test
    void patternsSelectLikeTheOfficialSpec() {
        CaseCatalog catalog = CaseCatalog.get();
        assertEquals(517, catalog.select(List.of("*")).size());
        assertEquals(List.of(74, 75, 76, 77), catalog.select(List.of("6.4.*")));
        assertEquals(54, catalog.select(List.of("9.*")).size());
        assertEquals(List.of(1), catalog.select(List.of("1.1.1")));
        assertTrue(catalog.select(List.of("9.*")).stream().allMatch(i -> cases.get(i - 1).performance()));
    }

    @Test
    void utf8StressStringsHaveTheOfficialValidity() {
        List<Utf8Sequences.Group> groups = Utf8Sequences.groups();
        assertEquals(19, groups.size(), "6.5 to 6.23");
        for (Utf8Sequences.Group g : groups) {
            for (Utf8Sequences.Item item : g.items()) {
                assertEquals(item.valid(), Utf8Validator.isValid(item.bytes()), g.title() + " " + Cases.hex(item.bytes()));
            }
        }
        assertEquals(34, groups.get(17).items().size(), "non-characters");
    }

    @Test
    void compressionCasesUseTheOfficialParameterSetsAndReduceOnlyRepetitions() {
        assertEquals("permessage-deflate; client_no_context_takeover; client_max_window_bits",
                DeflateOffer.defaults().headerValue());
        assertEquals("permessage-deflate; client_no_context_takeover; client_max_window_bits; "
                + "server_no_context_takeover; server_max_window_bits=9", DeflateOffer.requesting(true, 9).headerValue());
        assertEquals(7, CompressionCases.parameterSets().size());
        assertEquals(CompressionCases.REDUCED_MAX_COUNT, CompressionCases.reducedCount(16, 1000));
        assertTrue(CompressionCases.reducedCount(131072, 1000) >= CompressionCases.REDUCED_MIN_COUNT);
        assertTrue(CaseCatalog.get().subsectionTitle("13.7").endsWith("[(True, 9), (True, 0), (False, 0)]"));
        for (CompressionCorpus.DataSet d : CompressionCorpus.all()) {
            if (!d.binary()) {
                assertTrue(Utf8Validator.isValid(d.slice(d.units() - 5, 300)), d.description());
            }
        }
        assertEquals(263222, CompressionCorpus.all().get(1).bytes().length, "a 512x512 8-bit BMP");
    }
}
