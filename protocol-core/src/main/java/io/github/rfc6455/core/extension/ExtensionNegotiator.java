package io.github.rfc6455.core.extension;

import java.util.List;

/**
 * Negotiates one kind of extension in the opening handshake (RFC 6455 section 9.1) and creates its per-connection
 * {@link MessageExtension}. A client sends {@link #offers()}; a server answers the client's offers with
 * {@link #accept(List)}; the client checks the server's answer with {@link #acceptResponse(ExtensionOffer)}.
 *
 * <p>Implementations are immutable configurations and thread-safe; a server shares one among all connections.
 */
public interface ExtensionNegotiator {

    /**
     * A server's acceptance of one offer.
     *
     * @param response the element to put in the response's {@code Sec-WebSocket-Extensions}
     * @param extension the extension configured for this connection
     */
    record Accepted(ExtensionOffer response, MessageExtension extension) {
    }

    /** @return the extension token, e.g. {@code permessage-deflate} */
    String name();

    /** @return what a client offers, in preference order (several elements with the same name are allowed) */
    List<ExtensionOffer> offers();

    /**
     * Server side: picks the first of the client's offers for this extension that can be honoured.
     *
     * @param offers the client's offers with this extension's name, in the client's preference order
     * @return the acceptance, or null to decline them all
     */
    Accepted accept(List<ExtensionOffer> offers);

    /**
     * Client side: checks the server's response element for this extension against what was offered.
     *
     * @param response the element of the server's {@code Sec-WebSocket-Extensions} with this extension's name
     * @return the extension configured for this connection
     * @throws ExtensionNegotiationException naming what is wrong (a parameter not offered, a duplicate, a value out
     *         of range); the client must fail the connection (RFC 6455 section 4.1)
     */
    MessageExtension acceptResponse(ExtensionOffer response) throws ExtensionNegotiationException;
}
