package io.github.rfc6455.core.extension;

import io.github.rfc6455.core.handshake.HttpHeaders;
import java.util.List;

/**
 * One element of a {@code Sec-WebSocket-Extensions} list (RFC 6455 section 9.1): an extension name and its
 * parameters in order. A client sends offers; a server answers with the offers it accepts, with its own parameters.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the extension name, a token such as {@code permessage-deflate}
 * @param parameters the parameters in order, possibly empty
 */
public record ExtensionOffer(String name, List<ExtensionParameter> parameters) {
    /**
     * @throws IllegalArgumentException when the name is not a token
     * @throws NullPointerException when the parameter list is or holds null
     */
    public ExtensionOffer {
        if (!HttpHeaders.isToken(name)) {
            throw new IllegalArgumentException("extension name is not a token: " + name);
        }
        parameters = List.copyOf(parameters);
    }

    /**
     * @param name the extension name
     * @param parameters its parameters in order
     * @return the offer
     */
    public static ExtensionOffer of(String name, ExtensionParameter... parameters) {
        return new ExtensionOffer(name, List.of(parameters));
    }

    /**
     * @param name a parameter name, matched case-insensitively
     * @return the value of the first parameter with that name, or null when it is absent or has no value (see
     *     {@link #has(String)})
     */
    public String parameter(String name) {
        for (ExtensionParameter parameter : parameters) {
            if (parameter.name().equalsIgnoreCase(name)) {
                return parameter.value();
            }
        }
        return null;
    }

    /**
     * @param name a parameter name, matched case-insensitively
     * @return true when a parameter of that name is present, with or without a value
     */
    public boolean has(String name) {
        return parameters.stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase(name));
    }

    /** @return this offer as it appears in a header, for example {@code permessage-deflate; client_max_window_bits} */
    @Override
    public String toString() {
        return ExtensionHeader.format(List.of(this));
    }
}
