package io.github.rfc6455.conformance;

import java.util.List;
import java.util.Optional;

/**
 * How the kit, playing the server, answers a client's permessage-deflate offers: the official {@code accept1} to
 * {@code accept7} policies of cases 13.x (and {@code accept_deflate} of 12.x).
 *
 * <p>Immutable; thread-safe.
 *
 * @param requestNoContextTakeover ask the client for {@code client_no_context_takeover}
 * @param requestMaxWindowBits when non-zero, ask the client for {@code client_max_window_bits} with this value
 * @param fallbacks further policies tried in order when this one accepts no offer (accept7)
 */
record DeflateAccept(boolean requestNoContextTakeover, int requestMaxWindowBits, List<DeflateAccept> fallbacks) {

    /**
     * An accepted offer.
     *
     * @param offer the client's offer
     * @param requestNoContextTakeover whether the response asks the client to reset its compressor
     * @param requestMaxWindowBits the client window size asked for, or 0
     */
    record Accepted(DeflateOffer offer, boolean requestNoContextTakeover, int requestMaxWindowBits) {

        /** The response element (official order of parameters). */
        String headerValue() {
            StringBuilder sb = new StringBuilder("permessage-deflate");
            if (offer.requestNoContextTakeover()) {
                sb.append("; server_no_context_takeover");
            }
            if (offer.requestMaxWindowBits() != 0) {
                sb.append("; server_max_window_bits=").append(offer.requestMaxWindowBits());
            }
            if (requestNoContextTakeover) {
                sb.append("; client_no_context_takeover");
            }
            if (requestMaxWindowBits != 0) {
                sb.append("; client_max_window_bits=").append(requestMaxWindowBits);
            }
            return sb.toString();
        }

        /** The parameters both ends use from now on. */
        DeflateParams params() {
            return new DeflateParams(offer.requestNoContextTakeover(), requestNoContextTakeover,
                    offer.requestMaxWindowBits() == 0 ? DeflateOffer.MAX_WINDOW_BITS : offer.requestMaxWindowBits(),
                    requestMaxWindowBits == 0 ? DeflateOffer.MAX_WINDOW_BITS : requestMaxWindowBits);
        }
    }

    DeflateAccept {
        fallbacks = List.copyOf(fallbacks);
    }

    static DeflateAccept of(boolean requestNoContextTakeover, int requestMaxWindowBits) {
        return new DeflateAccept(requestNoContextTakeover, requestMaxWindowBits, List.of());
    }

    /** The first offer this policy (or a fallback) accepts. */
    Optional<Accepted> choose(List<DeflateOffer> offers) {
        for (DeflateOffer offer : offers) {
            boolean ok = (!requestNoContextTakeover || offer.acceptNoContextTakeover())
                    && (requestMaxWindowBits == 0 || offer.acceptMaxWindowBits());
            if (ok) {
                return Optional.of(new Accepted(offer, requestNoContextTakeover, requestMaxWindowBits));
            }
        }
        for (DeflateAccept fallback : fallbacks) {
            Optional<Accepted> a = fallback.choose(offers);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    /** The official description, e.g. {@code [(True, 9), (True, 0), (False, 0)]}. */
    String describe() {
        StringBuilder sb = new StringBuilder("[").append(tuple());
        for (DeflateAccept f : fallbacks) {
            sb.append(", ").append(f.tuple());
        }
        return sb.append(']').toString();
    }

    private String tuple() {
        return "(" + (requestNoContextTakeover ? "True" : "False") + ", " + requestMaxWindowBits + ")";
    }
}
