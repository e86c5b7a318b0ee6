package io.github.rfc6455.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sections 12 and 13, WebSocket Compression (RFC 7692): 12.x sends five kinds of data with the default offer; 13.x
 * sends JSON with seven offer/accept parameter sets (no context takeover, window bits 9 and 15). Each sub-section has
 * the same 18 message sizes and auto-fragment sizes.
 *
 * <p>The official cases name window bits 9; older suite versions named 8, which zlib cannot produce.
 */
final class CompressionCases {

    /** (payload length, message count, timeout seconds, auto-fragment size) of every sub-section. */
    static final int[][] MESSAGE_SIZES = {
        {16, 1000, 60, 0}, {64, 1000, 60, 0}, {256, 1000, 120, 0}, {1024, 1000, 240, 0}, {4096, 1000, 480, 0},
        {8192, 1000, 480, 0}, {16384, 1000, 480, 0}, {32768, 1000, 480, 0}, {65536, 1000, 480, 0},
        {131072, 1000, 480, 0},
        {8192, 1000, 480, 256}, {16384, 1000, 480, 256}, {32768, 1000, 480, 256}, {65536, 1000, 480, 256},
        {131072, 1000, 480, 256}, {131072, 1000, 480, 1024}, {131072, 1000, 480, 4096},
        {131072, 1000, 480, 32768}};

    /** In reduced runs a case sends about this many octets at most ... */
    static final int REDUCED_BUDGET = 256 * 1024;
    /** ... and between this many messages ... */
    static final int REDUCED_MIN_COUNT = 4;
    /** ... and this many. */
    static final int REDUCED_MAX_COUNT = 200;
    /**
     * One 13.x parameter set.
     *
     * @param accept the kit's answer when it is the server
     * @param offers the kit's offers when it is the client
     */
    record ParameterSet(DeflateAccept accept, List<DeflateOffer> offers) {
    }

    private CompressionCases() {
    }

    static List<ParameterSet> parameterSets() {
        DeflateAccept accept1 = DeflateAccept.of(false, 0);
        DeflateAccept accept2 = DeflateAccept.of(true, 0);
        DeflateAccept accept5 = DeflateAccept.of(true, 9);
        return List.of(
                new ParameterSet(accept1, List.of(DeflateOffer.defaults())),
                new ParameterSet(accept2, List.of(DeflateOffer.requesting(true, 0))),
                new ParameterSet(DeflateAccept.of(false, 9), List.of(DeflateOffer.requesting(false, 9))),
                new ParameterSet(DeflateAccept.of(false, 15), List.of(DeflateOffer.requesting(false, 15))),
                new ParameterSet(accept5, List.of(DeflateOffer.requesting(true, 9))),
                new ParameterSet(DeflateAccept.of(true, 15), List.of(DeflateOffer.requesting(true, 15))),
                new ParameterSet(new DeflateAccept(true, 9, List.of(accept2, accept1)),
                        List.of(DeflateOffer.requesting(true, 9), DeflateOffer.requesting(true, 0),
                                DeflateOffer.defaults())));
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        List<CompressionCorpus.DataSet> corpus = CompressionCorpus.all();
        for (int j = 0; j < corpus.size(); j++) {
            CompressionCorpus.DataSet data = corpus.get(j);
            addSizes(out, "12." + (j + 1), data, DeflateAccept.of(false, 0), List.of(DeflateOffer.defaults()),
                    "Use default permessage-deflate offer.");
        }
        List<ParameterSet> sets = parameterSets();
        for (int j = 0; j < sets.size(); j++) {
            ParameterSet set = sets.get(j);
            addSizes(out, "13." + (j + 1), corpus.get(0), set.accept(), set.offers(),
                    "Use permessage-deflate " + offersDescription(set.offers()));
        }
        return out;
    }

    /** Sub-section titles of 12.x and 13.x. */
    static Map<String, String> subsectionTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        List<CompressionCorpus.DataSet> corpus = CompressionCorpus.all();
        for (int j = 0; j < corpus.size(); j++) {
            titles.put("12." + (j + 1), corpus.get(j).title());
        }
        List<ParameterSet> sets = parameterSets();
        for (int j = 0; j < sets.size(); j++) {
            titles.put("13." + (j + 1), corpus.get(0).title() + " - " + offersDescription(sets.get(j).offers())
                    + " / server accept (requestNoContextTakeover, requestMaxWindowBits): "
                    + sets.get(j).accept().describe());
        }
        return titles;
    }

    private static String offersDescription(List<DeflateOffer> offers) {
        return "client offers (requestNoContextTakeover, requestMaxWindowBits): "
                + offers.stream().map(DeflateOffer::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static void addSizes(List<CaseDefinition> out, String prefix, CompressionCorpus.DataSet data,
                                 DeflateAccept accept, List<DeflateOffer> offers, String use) {
        for (int i = 0; i < MESSAGE_SIZES.length; i++) {
            int[] s = MESSAGE_SIZES[i];
            int length = s[0];
            int officialCount = s[1];
            int wait = s[2];
            int fragment = s[3];
            out.add(new CaseDefinition(prefix + "." + (i + 1), "Send " + officialCount + " compressed messages each "
                    + "of payload size " + length + ", auto-fragment to " + fragment + " octets. " + use,
                    "Receive echo'ed messages (with payload as sent). Timeout case after " + wait + " secs.", wait,
                    full -> {
                        int count = full ? officialCount : reducedCount(length, officialCount);
                        double waitSeconds = CaseDefinition.cap(wait, full);
                        return new CompressionCase(data, length, count, waitSeconds, fragment, offers, accept)
                                .reducedFrom(officialCount);
                    }));
        }
    }

    static int reducedCount(int length, int officialCount) {
        int byBudget = REDUCED_BUDGET / Math.max(1, length);
        return Math.min(officialCount, Math.max(REDUCED_MIN_COUNT, Math.min(REDUCED_MAX_COUNT, byBudget)));
    }
}
