package io.github.rfc6455.conformance;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.function.BiConsumer;

/**
 * Helpers shared by the section catalogs.
 *
 * <p>Stateless; thread-safe.
 */
final class Cases {

    private Cases() {
    }

    /** A definition whose runs are {@link ScriptedCase}s. */
    static CaseDefinition scripted(String id, String description, String expectation, double waitSeconds,
                                   BiConsumer<ScriptedCase, Fuzzer> script, ScriptedCase.Option... options) {
        EnumSet<ScriptedCase.Option> set = EnumSet.noneOf(ScriptedCase.Option.class);
        set.addAll(java.util.List.of(options));
        return new CaseDefinition(id, description, expectation, waitSeconds, full -> new ScriptedCase(script, set));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code pattern} repeated to {@code length} octets. */
    static byte[] repeat(String pattern, int length) {
        return WireFrames.repeat(pattern.getBytes(StandardCharsets.ISO_8859_1), length);
    }

    /** {@code octet} repeated {@code length} times. */
    static byte[] fill(int octet, int length) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) octet);
        return out;
    }
}
