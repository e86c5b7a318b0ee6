package io.github.rfc6455.conformance;

import java.util.List;
import java.util.Map;

/**
 * Negotiated permessage-deflate parameters of one connection (RFC 7692 section 7.1).
 *
 * @param serverNoContextTakeover the server resets its compressor after every message
 * @param clientNoContextTakeover the client resets its compressor after every message
 * @param serverMaxWindowBits the server's LZ77 window, 8..15
 * @param clientMaxWindowBits the client's LZ77 window, 8..15
 */
record DeflateParams(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int serverMaxWindowBits,
                     int clientMaxWindowBits) {

    /**
     * Validates a server's response against the offers the kit (as client) sent, strictly per RFC 7692 section 7.1:
     * the response must accept one of the offers as offered.
     *
     * @throws IllegalArgumentException with the reason when the client must fail the connection
     */
    static DeflateParams fromResponse(Map<String, List<String>> params, List<DeflateOffer> offers) {
        boolean serverNoContext = false;
        boolean clientNoContext = false;
        int serverMax = 0;
        int clientMax = 0;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " appears more than once");
            }
            String value = e.getValue().get(0);
            switch (e.getKey()) {
                case "server_no_context_takeover" -> {
                    DeflateOffer.noValue(e.getKey(), value);
                    serverNoContext = true;
                }
                case "client_no_context_takeover" -> {
                    DeflateOffer.noValue(e.getKey(), value);
                    clientNoContext = true;
                }
                case "server_max_window_bits" -> serverMax = DeflateOffer.windowBits(e.getKey(), value);
                case "client_max_window_bits" -> clientMax = DeflateOffer.windowBits(e.getKey(), value);
                default -> throw new IllegalArgumentException("unknown parameter " + e.getKey());
            }
        }
        for (DeflateOffer offer : offers) {
            boolean noContextOk = !offer.requestNoContextTakeover() || serverNoContext;
            // omitting server_max_window_bits means the default 15, fine only when 15 was asked for
            boolean serverMaxOk = offer.requestMaxWindowBits() == 0
                    || bits(serverMax) <= offer.requestMaxWindowBits();
            boolean clientMaxOk = clientMax == 0 || offer.acceptMaxWindowBits();
            if (noContextOk && serverMaxOk && clientMaxOk) {
                return new DeflateParams(serverNoContext, clientNoContext, bits(serverMax), bits(clientMax));
            }
        }
        throw new IllegalArgumentException("the permessage-deflate response does not accept any offer as offered"
                + " (RFC 7692 section 7.1)");
    }

    private static int bits(int value) {
        return value == 0 ? DeflateOffer.MAX_WINDOW_BITS : value;
    }
}
