package io.github.rfc6455.core.handshake;

import io.github.rfc6455.core.extension.ExtensionOffer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a server's 101 response may select from what the client asked for (RFC 6455 sections 4.1, 4.2.2 and 9.1).
 * Shared by the server, which must not write a bad selection, and the client, which must fail on one.
 */
final class Negotiation {
    private Negotiation() {
    }

    /** @return what is wrong with the selected subprotocols, or null when at most one requested one was selected */
    static String subprotocolError(List<String> requested, List<String> selected) {
        if (selected.size() > 1) {
            return "more than one subprotocol selected in " + Http.SEC_WEBSOCKET_PROTOCOL + ": " + selected;
        }
        if (selected.size() == 1 && !requested.contains(selected.get(0))) {
            return "subprotocol " + Http.quote(selected.get(0)) + " in " + Http.SEC_WEBSOCKET_PROTOCOL
                    + " was not requested (requested: " + requested + ")";
        }
        return null;
    }

    /** @return what is wrong with the accepted extensions, or null when each was offered and appears at most once */
    static String extensionError(List<ExtensionOffer> offered, List<ExtensionOffer> accepted) {
        Set<String> seen = new HashSet<>();
        for (ExtensionOffer extension : accepted) {
            String name = extension.name();
            if (offered.stream().noneMatch(offer -> offer.name().equalsIgnoreCase(name))) {
                return "extension " + Http.quote(name) + " in " + Http.SEC_WEBSOCKET_EXTENSIONS + " was not offered";
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                return "extension " + Http.quote(name) + " appears more than once in " + Http.SEC_WEBSOCKET_EXTENSIONS;
            }
        }
        return null;
    }
}
