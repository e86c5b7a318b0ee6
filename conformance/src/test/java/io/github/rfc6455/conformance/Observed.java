package io.github.rfc6455.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One event the fuzzer observed on a connection and compares with a case's expectation: a complete message, a pong,
 * or a timeout tag a case records itself (the official {@code ("message", payload, binary)}, {@code ("pong", payload)},
 * {@code ("timeout", tag)} tuples). Pings are answered automatically and never recorded, as in the official fuzzer.
 *
 * <p>Immutable (the payload is copied); thread-safe.
 */
final class Observed {

    /** Event kinds. */
    enum Kind { MESSAGE, PONG, TIMEOUT }

    private static final int SHOWN = 48;

    private final Kind kind;
    private final byte[] payload;
    private final boolean binary;
    private final String tag;

    private Observed(Kind kind, byte[] payload, boolean binary, String tag) {
        this.kind = kind;
        this.payload = payload;
        this.binary = binary;
        this.tag = tag;
    }

    static Observed message(byte[] payload, boolean binary) {
        return new Observed(Kind.MESSAGE, payload.clone(), binary, null);
    }

    static Observed text(String payload) {
        return new Observed(Kind.MESSAGE, payload.getBytes(StandardCharsets.UTF_8), false, null);
    }

    static Observed pong(byte[] payload) {
        return new Observed(Kind.PONG, payload.clone(), false, null);
    }

    static Observed pong(String payload) {
        return pong(payload.getBytes(StandardCharsets.UTF_8));
    }

    static Observed timeout(String tag) {
        return new Observed(Kind.TIMEOUT, new byte[0], false, tag);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Observed other)) {
            return false;
        }
        return kind == other.kind && binary == other.binary && Arrays.equals(payload, other.payload)
                && java.util.Objects.equals(tag, other.tag);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(payload)) + Boolean.hashCode(binary);
    }

    /** A short form for reports: printable ASCII as text, anything else as hex, long payloads abbreviated. */
    @Override
    public String toString() {
        return switch (kind) {
            case MESSAGE -> "(message, " + show(payload) + ", " + (binary ? "binary" : "text") + ")";
            case PONG -> "(pong, " + show(payload) + ")";
            case TIMEOUT -> "(timeout, " + tag + ")";
        };
    }

    static String show(byte[] bytes) {
        int n = Math.min(bytes.length, SHOWN);
        boolean printable = true;
        for (int i = 0; i < n; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                printable = false;
                break;
            }
        }
        String shown = printable ? "'" + new String(bytes, 0, n, StandardCharsets.US_ASCII) + "'"
                : "0x" + HexFormat.of().formatHex(bytes, 0, n);
        return bytes.length > n ? shown + "... (" + bytes.length + " octets)" : shown;
    }
}
