package io.github.rfc6455.bench;

import io.github.rfc6455.core.extension.ExtensionNegotiationException;
import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.extension.MessageExtension;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import java.nio.ByteBuffer;

/**
 * rfc6455's permessage-deflate as a server and a client negotiate it with {@link PerMessageDeflate#defaults()}
 * (level 6, 32 KiB windows, context takeover): the server's {@link MessageExtension} compresses the message as the
 * engine does before framing it (messages under the threshold go uncompressed, RFC 7692 section 6), the client's
 * extension inflates it and hands the text on in the chunks it produces.
 *
 * <p>Not thread-safe.
 */
final class Rfc6455DeflateRoundTrip implements DeflateRoundTrip, MessageExtension.DecodedSink {
    private final MessageExtension sender;
    private final MessageExtension receiver;
    private final ByteBuffer message;
    private final Sink sink;

    Rfc6455DeflateRoundTrip(byte[] message, Sink sink) {
        PerMessageDeflate deflate = PerMessageDeflate.defaults();
        ExtensionNegotiator.Accepted accepted = deflate.accept(deflate.offers());
        if (accepted == null) {
            throw new IllegalStateException("rfc6455's server declined rfc6455's own permessage-deflate offer");
        }
        this.sender = accepted.extension();
        try {
            this.receiver = deflate.acceptResponse(accepted.response());
        } catch (ExtensionNegotiationException e) {
            throw new IllegalStateException("rfc6455's client refused rfc6455's server response", e);
        }
        this.message = ByteBuffer.wrap(message);
        this.sink = sink;
    }

    @Override
    public void roundTrip() {
        message.position(0); // encoding consumes the payload; the next message would be a fresh buffer
        if (!sender.shouldEncode(message.remaining(), true)) {
            sink.accept(message);
            return;
        }
        ByteBuffer compressed = sender.encode(message);
        int code = receiver.decode(compressed, true, this);
        if (code != 0) {
            throw new IllegalStateException("rfc6455 failed to inflate its own message: close code " + code);
        }
    }

    @Override
    public int accept(ByteBuffer decoded, boolean endOfMessage) {
        sink.accept(decoded);
        return 0;
    }
}
