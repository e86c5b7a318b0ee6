package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.Opcode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Fuzzes the permessage-deflate inflater (RFC 7692 section 7.2.2) through a server {@link WebSocketEngine} that
 * negotiated permessage-deflate: the fuzzer's bytes are the compressed payload of one message, or of two (the second
 * then inflates with the context of the first unless the server asked for {@code client_no_context_takeover}), sent
 * with RSV1 as text or binary in up to 8 fragments and fuzzer-chosen cuts, against a fuzzer-chosen message limit.
 * Invariants: the outcome is exactly the one a plain {@link Inflater} reference predicts (the delivered bytes; 1007 for
 * invalid DEFLATE data, bytes other than one zero after a final block, or invalid UTF-8 in text; 1009 beyond the
 * limit; either of the two when the input is both); the only failure codes are 1007 and 1009; nothing longer than the
 * limit is delivered; and the heap allocated while receiving is bounded by the limit and the input size, not by what
 * the data would inflate to (a deflate bomb stops after at most one more 16 KiB window).
 *
 * <p>Input layout: the compressed payload (seeds: the examples of RFC 7692 section 7.2.3, real compressed messages,
 * a bomb), then bytes choosing no-context-takeover, two messages, text, the fragment count, 4 bytes lowering the
 * message limit from 64 KiB, and 8 bytes seeding the cuts. Seeds: {@code InflaterFuzzTestInputs/fuzz/}.
 */
class InflaterFuzzTest {
    private static final int MAX = 64 << 10;
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    /** One message's predicted outcome: the bytes, or the set of acceptable failure codes. */
    private record Expected(byte[] bytes, Set<Integer> codes) {
    }

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        long cuts = data.consumeLong(0, Long.MAX_VALUE);
        int maxMessage = MAX - data.consumeInt(0, MAX);
        int fragments = data.consumeInt(1, 8);
        boolean text = data.consumeBoolean();
        boolean twice = data.consumeBoolean();
        boolean noContext = data.consumeBoolean();
        byte[] payload = data.consumeRemainingAsBytes();

        PerMessageDeflate server = noContext ? PerMessageDeflate.builder().clientNoContextTakeover(true).build()
                : PerMessageDeflate.defaults();
        WebSocketConfig config = WebSocketConfig.builder().maxMessageSize(maxMessage).build();
        byte[] message = frames(payload, fragments, text);
        byte[] input = twice ? concat(message, message) : message;
        long bound = (512 << 10) + 16L * maxMessage + 64L * input.length;
        Recorder recorder = new Recorder();
        long allocated = receive(input, cuts, server, config, recorder);
        if (allocated > bound) { // measure again without the first run's class loading and linking
            allocated = receive(input, cuts, server, config, recorder = new Recorder());
        }
        long measured = allocated;
        assertTrue(measured <= bound, () -> "allocated " + measured + " bytes for " + input.length + " bytes of input");

        List<Expected> expected = reference(payload, twice ? 2 : 1, text, maxMessage, noContext);
        int i = 0;
        for (; i < expected.size() && expected.get(i).bytes != null; i++) {
            assertTrue(i < recorder.messages.size(), "a message the reference inflates was not delivered");
            assertArrayEquals(expected.get(i).bytes, recorder.messages.get(i), "inflated bytes differ");
        }
        assertEquals(i, recorder.messages.size(), "more messages delivered than the reference inflates");
        for (byte[] delivered : recorder.messages) {
            assertTrue(delivered.length <= maxMessage, "delivered a message over the limit");
        }
        if (i < expected.size()) {
            assertEquals(1, recorder.failures.size(), () -> "expected a failure in " + expected.get(0).codes);
            int code = recorder.failures.get(0);
            Set<Integer> codes = expected.get(i).codes;
            assertTrue(codes.contains(code), () -> "failed with " + code + ", expected one of " + codes + " (limit "
                    + maxMessage + ", text " + text + ", twice " + twice + ", no context " + noContext + ", "
                    + fragments + " fragments, payload " + java.util.HexFormat.of().formatHex(payload) + ")");
        } else {
            assertEquals(List.of(), recorder.failures, "failed where the reference succeeds");
        }
    }

    /** @return the heap allocated by a fresh engine with negotiated permessage-deflate while receiving */
    private static long receive(byte[] input, long cuts, PerMessageDeflate server, WebSocketConfig config,
                                Recorder recorder) {
        ExtensionNegotiator.Accepted accepted = server.accept(List.of(ExtensionOffer.of(PerMessageDeflate.NAME)));
        WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, config, accepted.extension(), recorder,
                new Wire());
        long[] allocated = {0};
        Chunks.feed(input, cuts, chunk -> {
            long before = Allocations.current();
            engine.receive(chunk);
            allocated[0] += Allocations.current() - before;
        });
        engine.transportClosed(); // releases the inflater
        return allocated[0];
    }

    /** Frames of one compressed message: RSV1 on the first, masked with the zero key. */
    private static byte[] frames(byte[] payload, int fragments, boolean text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int step = Math.max(1, (payload.length + fragments - 1) / fragments);
        int at = 0;
        int n = 0;
        do {
            int end = Math.min(payload.length, at + step);
            boolean fin = end == payload.length;
            ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_LENGTH + end - at);
            FrameEncoder.encode(frame, fin, n == 0 ? 0x40 : 0, n == 0 ? (text ? Opcode.TEXT : Opcode.BINARY)
                    : Opcode.CONTINUATION, ByteBuffer.wrap(payload, at, end - at), true, 0);
            out.write(frame.array(), 0, frame.position());
            at = end;
            n++;
        } while (at < payload.length);
        return out.toByteArray();
    }

    /** The plain prediction with java.util.zip, message by message, until the first failure. */
    private static List<Expected> reference(byte[] payload, int count, boolean text, int max, boolean noContext) {
        List<Expected> result = new ArrayList<>();
        Inflater inflater = new Inflater(true);
        try {
            for (int m = 0; m < count; m++) {
                Expected e = inflate(inflater, payload, text, max);
                result.add(e);
                if (e.bytes == null) {
                    break;
                }
                if (noContext) {
                    inflater.reset();
                }
            }
        } finally {
            inflater.end();
        }
        return result;
    }

    private static Expected inflate(Inflater inflater, byte[] payload, boolean text, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean invalid = false;
        if (payload.length > 0) {
            try {
                int after = run(inflater, payload, out, max);
                if (after >= 0) {
                    invalid = after > 1 || (after == 1 && payload[payload.length - 1] != 0);
                    inflater.reset(); // a final block ends the context
                } else if (out.size() <= max) {
                    if (run(inflater, TAIL, out, max) >= 0) {
                        inflater.reset();
                    }
                }
            } catch (DataFormatException ex) {
                invalid = true;
            }
        }
        // One input byte inflates to at most 8 symbols of at most 258 bytes; output produced in the same inflate
        // call as invalid data is lost, so an engine that cut the input elsewhere may have seen up to that much more
        // before it met the invalid data, and rightly stopped at the limit first.
        boolean tooBig = out.size() > max || (invalid && out.size() + 8 * 258 > max);
        boolean badText = text && !tooBig && !invalid && !Utf8Oracle.valid(out.toByteArray());
        if (!invalid && !tooBig && !badText) {
            return new Expected(out.toByteArray(), Set.of());
        }
        if (tooBig) {
            // the engine may notice either first, depending on where the 16 KiB windows fall
            return new Expected(null, Set.of(CloseCodes.MESSAGE_TOO_BIG, CloseCodes.INVALID_FRAME_PAYLOAD_DATA));
        }
        return new Expected(null, Set.of(CloseCodes.INVALID_FRAME_PAYLOAD_DATA));
    }

    /**
     * Inflates {@code input} one byte at a time, so that the output produced before invalid data is as large as any
     * cutting of the input can make it; stops once the output passes {@code max}.
     *
     * @return the number of input bytes left after a final block, or -1 when the stream did not end
     */
    private static int run(Inflater inflater, byte[] input, ByteArrayOutputStream out, int max)
            throws DataFormatException {
        byte[] window = new byte[16 << 10];
        for (int i = 0; i < input.length; i++) {
            inflater.setInput(input, i, 1);
            while (true) {
                int n = inflater.inflate(window);
                out.write(window, 0, n);
                if (inflater.finished()) {
                    return input.length - i - 1 + inflater.getRemaining();
                }
                if (out.size() > max) {
                    return -1;
                }
                if (inflater.needsInput()) {
                    break;
                }
                if (n == 0) {
                    throw new DataFormatException("no progress"); // wants a dictionary: not raw DEFLATE
                }
            }
        }
        return -1;
    }

    /** Collects delivered messages and failures. */
    private static final class Recorder implements EngineListener {
        final List<byte[]> messages = new ArrayList<>();
        final List<Integer> failures = new ArrayList<>();

        @Override
        public void onText(String text) {
            messages.add(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void onBinary(ByteBuffer data) {
            byte[] copy = new byte[data.remaining()];
            data.duplicate().get(copy);
            messages.add(copy);
        }

        @Override
        public void onFailure(int closeCode, String message) {
            failures.add(closeCode);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
