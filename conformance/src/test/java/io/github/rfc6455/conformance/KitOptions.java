package io.github.rfc6455.conformance;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How the kit runs.
 *
 * @param full whether the slowest cases run with the official repetitions ({@code -Pconformance-full}); otherwise
 *        12.x/13.x send fewer messages (marked "reduced" in the report) and no case waits more than 60 s for a peer
 * @param parallelism how many independent cases run at once (9.x always run alone)
 * @param cases official-style case patterns, e.g. {@code "*"} or {@code "1.*", "6.4.*"}
 * @param outputDir where reports are written ({@code target/conformance})
 * @param baselineDir where {@code baseline-{server,client}.json} live
 */
record KitOptions(boolean full, int parallelism, List<String> cases, Path outputDir, Path baselineDir) {

    KitOptions {
        cases = List.copyOf(cases);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /**
     * Options from system properties: {@code conformance.full}, {@code conformance.parallelism} (default 4),
     * {@code conformance.cases} (comma-separated patterns, default {@code *}), {@code conformance.outputDir},
     * {@code conformance.baselineDir}.
     */
    static KitOptions fromSystemProperties() {
        return new KitOptions(Boolean.getBoolean("conformance.full"),
                Integer.getInteger("conformance.parallelism", 4),
                Arrays.stream(System.getProperty("conformance.cases", "*").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList(),
                Path.of(System.getProperty("conformance.outputDir", "target/conformance")),
                Path.of(System.getProperty("conformance.baselineDir", "src/test/resources")));
    }

    KitOptions withCases(String... patterns) {
        return new KitOptions(full, parallelism, List.of(patterns), outputDir, baselineDir);
    }
}
