package io.github.rfc6455.conformance;

import java.util.List;
import java.util.Map;

/**
 * A client's permessage-deflate offer (RFC 7692 section 7.1), with the official fuzzer's parameter names.
 *
 * @param acceptNoContextTakeover the client sends {@code client_no_context_takeover} (it accepts a server's request)
 * @param acceptMaxWindowBits the client sends {@code client_max_window_bits} (it accepts a server's window limit)
 * @param requestNoContextTakeover the client asks for {@code server_no_context_takeover}
 * @param requestMaxWindowBits when non-zero, the client asks for {@code server_max_window_bits} with this value
 */
record DeflateOffer(boolean acceptNoContextTakeover, boolean acceptMaxWindowBits, boolean requestNoContextTakeover,
                    int requestMaxWindowBits) {

    /** Lowest window size a parameter may name (RFC 7692 sections 7.1.2.1 and 7.1.2.2). */
    static final int MIN_WINDOW_BITS = 8;
    /** Highest window size, also the default (RFC 7692 section 7.1.2). */
    static final int MAX_WINDOW_BITS = 15;

    /** The official default offer: {@code permessage-deflate; client_no_context_takeover; client_max_window_bits}. */
    static DeflateOffer defaults() {
        return new DeflateOffer(true, true, false, 0);
    }

    /** The official offer with the two server-side requests. */
    static DeflateOffer requesting(boolean noContextTakeover, int maxWindowBits) {
        return new DeflateOffer(true, true, noContextTakeover, maxWindowBits);
    }

    /** The header element, in the official fuzzer's order of parameters. */
    String headerValue() {
        StringBuilder sb = new StringBuilder("permessage-deflate");
        if (acceptNoContextTakeover) {
            sb.append("; client_no_context_takeover");
        }
        if (acceptMaxWindowBits) {
            sb.append("; client_max_window_bits");
        }
        if (requestNoContextTakeover) {
            sb.append("; server_no_context_takeover");
        }
        if (requestMaxWindowBits != 0) {
            sb.append("; server_max_window_bits=").append(requestMaxWindowBits);
        }
        return sb.toString();
    }

    /** The official description tuple, e.g. {@code (True, 9)}. */
    String describe() {
        return "(" + (requestNoContextTakeover ? "True" : "False") + ", " + requestMaxWindowBits + ")";
    }

    /**
     * Parses an offer's parameters as a server must (RFC 7692 section 7.1): known names only, no duplicates, window
     * sizes 8 to 15.
     *
     * @throws IllegalArgumentException with the reason when the offer is malformed
     */
    static DeflateOffer parse(Map<String, List<String>> params) {
        boolean acceptMax = false;
        boolean requestNoContext = false;
        int requestMax = 0;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " appears more than once");
            }
            String value = e.getValue().get(0);
            switch (e.getKey()) {
                case "client_max_window_bits" -> {
                    if (value != null) {
                        windowBits(e.getKey(), value);
                    }
                    acceptMax = true;
                }
                case "client_no_context_takeover" -> noValue(e.getKey(), value);
                case "server_max_window_bits" -> requestMax = windowBits(e.getKey(), value);
                case "server_no_context_takeover" -> {
                    noValue(e.getKey(), value);
                    requestNoContext = true;
                }
                default -> throw new IllegalArgumentException("unknown parameter " + e.getKey());
            }
        }
        // the official fuzzer treats every offer as accepting no-context-takeover (RFC 7692 section 7.1.1.2)
        return new DeflateOffer(true, acceptMax, requestNoContext, requestMax);
    }

    static int windowBits(String name, String value) {
        if (value == null || !value.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException("parameter " + name + " needs a window size, got " + value);
        }
        int bits = Integer.parseInt(value);
        if (bits < MIN_WINDOW_BITS || bits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("parameter " + name + "=" + bits + " is outside 8..15");
        }
        return bits;
    }

    static void noValue(String name, String value) {
        if (value != null) {
            throw new IllegalArgumentException("parameter " + name + " takes no value, got " + value);
        }
    }
}
