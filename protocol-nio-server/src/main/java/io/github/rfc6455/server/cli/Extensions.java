package io.github.rfc6455.server.cli;

import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import java.util.List;

/**
 * The extensions the command-line servers accept: permessage-deflate (RFC 7692) with its defaults unless
 * {@code --no-deflate} turned it off.
 *
 * <p>Stateless and thread-safe.
 */
final class Extensions {
    private Extensions() {
    }

    /**
     * @param deflate whether permessage-deflate is accepted
     * @return the negotiators for {@link io.github.rfc6455.core.WebSocketConfig.Builder#extensions}
     */
    static List<ExtensionNegotiator> forServer(boolean deflate) {
        return deflate ? List.of(PerMessageDeflate.defaults()) : List.of();
    }
}
