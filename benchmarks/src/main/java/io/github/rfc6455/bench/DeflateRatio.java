package io.github.rfc6455.bench;

import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.extension.MessageExtension;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import java.nio.ByteBuffer;

/**
 * How much permessage-deflate saves on the JSON-like text of {@link DeflateBenchmark}: a server-side
 * {@link MessageExtension} negotiated from rfc6455's own offer compresses a run of different messages of one size, as
 * the engine does before framing them, and the bytes on the wire are compared with the text.
 * {@code java -cp benchmarks.jar io.github.rfc6455.bench.DeflateRatio} prints one line per message size, with and
 * without context takeover.
 *
 * <p>Not instantiable.
 */
public final class DeflateRatio {
    private DeflateRatio() {
    }

    /**
     * The text and wire sizes of a run of messages.
     *
     * @param textBytes the messages' bytes
     * @param wireBytes the payload bytes after compression (messages left uncompressed count whole)
     */
    record Result(long textBytes, long wireBytes) {
        double percent() {
            return 100.0 * wireBytes / textBytes;
        }
    }

    /**
     * Compresses {@code count} different messages of {@code size} bytes (lengths size, size + 1, ...).
     *
     * @param deflate the configuration both sides offer and accept
     * @param size the first message's length
     * @param count how many messages
     * @return the sizes before and after
     */
    static Result measure(PerMessageDeflate deflate, int size, int count) {
        ExtensionNegotiator.Accepted accepted = deflate.accept(deflate.offers());
        if (accepted == null) {
            throw new IllegalStateException("rfc6455 declined its own permessage-deflate offer");
        }
        MessageExtension sender = accepted.extension();
        long text = 0;
        long wire = 0;
        for (int i = 0; i < count; i++) {
            byte[] message = DeflateBenchmark.message(size + i);
            text += message.length;
            wire += sender.shouldEncode(message.length, true)
                    ? sender.encode(ByteBuffer.wrap(message)).remaining() : message.length;
        }
        return new Result(text, wire);
    }

    /**
     * Prints the ratios for 125 B, 1 KiB and 64 KiB messages.
     *
     * @param args none
     */
    public static void main(String[] args) {
        PerMessageDeflate takeover = PerMessageDeflate.defaults();
        PerMessageDeflate noTakeover = PerMessageDeflate.builder()
                .serverNoContextTakeover(true).clientNoContextTakeover(true).build();
        for (int size : new int[] {125, 1024, 65536}) {
            int count = size > 10_000 ? 20 : 200;
            Result kept = measure(takeover, size, count);
            Result reset = measure(noTakeover, size, count);
            System.out.printf("size=%d messages=%d context_takeover=%.1f%% (%.2f:1) no_context_takeover=%.1f%% (%.2f:1)%n",
                    size, count, kept.percent(), 100 / kept.percent(), reset.percent(), 100 / reset.percent());
        }
    }
}
