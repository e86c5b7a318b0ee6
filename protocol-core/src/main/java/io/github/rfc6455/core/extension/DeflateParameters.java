package io.github.rfc6455.core.extension;

import java.util.ArrayList;
import java.util.List;

/**
 * The four parameters of one {@code permessage-deflate} offer or response (RFC 7692 section 7.1), checked against the
 * rules of section 7: no unknown and no repeated parameter, no value on the {@code *_no_context_takeover} flags, a
 * window size of 8 to 15 written as a decimal without leading zeros, a value on {@code server_max_window_bits}
 * always and on {@code client_max_window_bits} in a response.
 *
 * <p>Immutable and thread-safe.
 *
 * @param serverNoContextTakeover {@code server_no_context_takeover} is present (section 7.1.1.1)
 * @param clientNoContextTakeover {@code client_no_context_takeover} is present (section 7.1.1.2)
 * @param serverMaxWindowBits the value of {@code server_max_window_bits} (section 7.1.2.1), or {@link #ABSENT}
 * @param clientMaxWindowBits the value of {@code client_max_window_bits} (section 7.1.2.2), {@link #NO_VALUE} when it
 *                            is present without a value (offers only), or {@link #ABSENT}
 */
record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int serverMaxWindowBits,
                         int clientMaxWindowBits) {
    static final String NAME = "permessage-deflate";
    static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    private static final String[] NAMES = {SERVER_NO_CONTEXT_TAKEOVER, CLIENT_NO_CONTEXT_TAKEOVER,
            SERVER_MAX_WINDOW_BITS, CLIENT_MAX_WINDOW_BITS};

    /** A window-bits parameter that is not present. */
    static final int ABSENT = 0;
    /** {@code client_max_window_bits} present without a value (allowed in an offer only). */
    static final int NO_VALUE = -1;
    /** The smallest LZ77 window, 2^8 bytes (section 7.1.2.1). */
    static final int MIN_WINDOW_BITS = 8;
    /** The largest LZ77 window, 2^15 = 32,768 bytes, the default when no size is negotiated. */
    static final int MAX_WINDOW_BITS = 15;

    /** No parameter at all: plain {@code permessage-deflate}. */
    static final DeflateParameters NONE = new DeflateParameters(false, false, ABSENT, ABSENT);

    /**
     * Reads the parameters of one element of {@code Sec-WebSocket-Extensions}.
     *
     * @param element an element named {@code permessage-deflate}
     * @param response true for a server's response (where {@code client_max_window_bits} needs a value), false for
     *                 a client's offer
     * @return the parameters
     * @throws ExtensionNegotiationException naming the first parameter that breaks a rule of RFC 7692 section 7
     */
    static DeflateParameters parse(ExtensionOffer element, boolean response) throws ExtensionNegotiationException {
        boolean serverNoContext = false;
        boolean clientNoContext = false;
        int serverBits = ABSENT;
        int clientBits = ABSENT;
        List<String> seen = new ArrayList<>(4);
        for (ExtensionParameter parameter : element.parameters()) {
            String name = parameter.name();
            String value = parameter.value();
            String known = canonical(name);
            if (known == null) {
                throw new ExtensionNegotiationException("unknown " + NAME + " parameter " + name
                        + " (RFC 7692 section 7)");
            }
            if (seen.contains(known)) {
                throw new ExtensionNegotiationException("repeated " + NAME + " parameter " + known
                        + " (RFC 7692 section 7)");
            }
            seen.add(known);
            switch (known) {
                case SERVER_NO_CONTEXT_TAKEOVER -> {
                    requireNoValue(known, value, "7.1.1.1");
                    serverNoContext = true;
                }
                case CLIENT_NO_CONTEXT_TAKEOVER -> {
                    requireNoValue(known, value, "7.1.1.2");
                    clientNoContext = true;
                }
                case SERVER_MAX_WINDOW_BITS -> serverBits = windowBits(known, value, "7.1.2.1");
                default -> clientBits = value == null && !response ? NO_VALUE
                        : windowBits(known, value, "7.1.2.2");
            }
        }
        return new DeflateParameters(serverNoContext, clientNoContext, serverBits, clientBits);
    }

    /** @return this as a {@code permessage-deflate} element, parameters in the order of RFC 7692 section 7.1 */
    ExtensionOffer toOffer() {
        List<ExtensionParameter> parameters = new ArrayList<>(4);
        if (serverNoContextTakeover) {
            parameters.add(new ExtensionParameter(SERVER_NO_CONTEXT_TAKEOVER, null));
        }
        if (clientNoContextTakeover) {
            parameters.add(new ExtensionParameter(CLIENT_NO_CONTEXT_TAKEOVER, null));
        }
        if (serverMaxWindowBits != ABSENT) {
            parameters.add(new ExtensionParameter(SERVER_MAX_WINDOW_BITS, Integer.toString(serverMaxWindowBits)));
        }
        if (clientMaxWindowBits != ABSENT) {
            parameters.add(new ExtensionParameter(CLIENT_MAX_WINDOW_BITS,
                    clientMaxWindowBits == NO_VALUE ? null : Integer.toString(clientMaxWindowBits)));
        }
        return new ExtensionOffer(NAME, parameters);
    }

    /**
     * Client side: checks a server's response (these are the parameters of an offer this client sent).
     *
     * @param response the response's parameters, already {@link #parse parsed}
     * @return what makes the response an invalid answer to this offer, or null when it is a valid one
     */
    String problemWithResponse(DeflateParameters response) {
        if (response.clientMaxWindowBits != ABSENT) {
            if (clientMaxWindowBits == ABSENT) {
                return CLIENT_MAX_WINDOW_BITS + " in the response, but the offer did not include it"
                        + " (RFC 7692 section 7.1.2.2)";
            }
            if (clientMaxWindowBits != NO_VALUE && response.clientMaxWindowBits > clientMaxWindowBits) {
                return CLIENT_MAX_WINDOW_BITS + "=" + response.clientMaxWindowBits + " in the response is larger than"
                        + " the offered " + clientMaxWindowBits + " (RFC 7692 section 7.1.2.2)";
            }
        }
        if (serverMaxWindowBits != ABSENT) {
            if (response.serverMaxWindowBits == ABSENT) {
                return "no " + SERVER_MAX_WINDOW_BITS + " in the response, though the offer requested "
                        + serverMaxWindowBits + " (RFC 7692 section 7.1.2.1)";
            }
            if (response.serverMaxWindowBits > serverMaxWindowBits) {
                return SERVER_MAX_WINDOW_BITS + "=" + response.serverMaxWindowBits + " in the response is larger than"
                        + " the requested " + serverMaxWindowBits + " (RFC 7692 section 7.1.2.1)";
            }
        }
        if (serverNoContextTakeover && !response.serverNoContextTakeover) {
            return "no " + SERVER_NO_CONTEXT_TAKEOVER + " in the response, though the offer requested it"
                    + " (RFC 7692 section 7.1.1.1)";
        }
        return null;
    }

    /**
     * @param bits a window-bits parameter value, {@link #ABSENT} or {@link #NO_VALUE}
     * @return the window size in bits the value allows: 15 unless a size was given
     */
    static int effectiveWindowBits(int bits) {
        return bits > 0 ? bits : MAX_WINDOW_BITS;
    }

    private static String canonical(String name) {
        for (String known : NAMES) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return null;
    }

    private static void requireNoValue(String name, String value, String section)
            throws ExtensionNegotiationException {
        if (value != null) {
            throw new ExtensionNegotiationException(name + " must not have a value, got \"" + value
                    + "\" (RFC 7692 section " + section + ")");
        }
    }

    /** Parses 8..15 written without leading zeros (RFC 7692 sections 7.1.2.1 and 7.1.2.2). */
    private static int windowBits(String name, String value, String section) throws ExtensionNegotiationException {
        if (value == null) {
            throw new ExtensionNegotiationException(name + " needs a value from 8 to 15 (RFC 7692 section "
                    + section + ")");
        }
        int bits = switch (value) {
            case "8" -> 8;
            case "9" -> 9;
            case "10" -> 10;
            case "11" -> 11;
            case "12" -> 12;
            case "13" -> 13;
            case "14" -> 14;
            case "15" -> 15;
            default -> -1;
        };
        if (bits < 0) {
            throw new ExtensionNegotiationException(name + "=" + value + " is not a window size from 8 to 15"
                    + " (RFC 7692 section " + section + ")");
        }
        return bits;
    }
}
