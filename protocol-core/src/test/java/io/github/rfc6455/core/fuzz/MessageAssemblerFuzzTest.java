package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.fuzz.EngineModel.Message;
import io.github.rfc6455.core.fuzz.EngineModel.Sent;
import io.github.rfc6455.core.fuzz.FrameParserFuzzTest.Event;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes message assembly and UTF-8 validation ({@code MessageAssembler}, {@code Utf8Validator}) through an open
 * {@link WebSocketEngine} of either role: frame bytes in, in fuzzer-chosen cuts, with fuzzer-chosen message, frame and
 * fragment limits, assembled or chunk-by-chunk delivery. Invariants: nothing but a return ever leaves
 * {@link WebSocketEngine#receive}; the delivered messages, the pongs and the single Close frame the engine sends
 * equal those of {@link EngineModel}, an independent model of RFC 6455 sections 5.4, 5.5, 7 and 8.1 using the JDK's
 * strict UTF-8 decoder as the reference; a failure's code is 1002, 1007 or 1009 and is reported once; at most one
 * Close frame is sent; and the heap allocated while receiving stays within 256 KiB plus 64 bytes per input byte,
 * whatever lengths the frames announce (so a 14-byte header announcing 16 MiB reserves nothing).
 *
 * <p>Input layout: the frame bytes (seeds use the all-zero masking key, so the fuzzer sees payloads in clear), then
 * a byte whose lowest bit makes the engine a client, a byte whose lowest bit turns on chunk-by-chunk delivery, 4
 * bytes lowering the fragment limit from 2^20, 4 bytes lowering the frame limit from 16 MiB, 4 bytes lowering the
 * message limit from 16 MiB, then 8 bytes seeding the cuts. Seeds: {@code MessageAssemblerFuzzTestInputs/fuzz/}.
 */
class MessageAssemblerFuzzTest {
    private static final int MAX = 16 << 20;

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        long cuts = data.consumeLong(0, Long.MAX_VALUE);
        int maxMessage = MAX - data.consumeInt(0, MAX);
        int maxFrame = MAX - data.consumeInt(0, MAX - 125);
        int maxFragments = (1 << 20) - data.consumeInt(0, (1 << 20) - 1);
        boolean fragments = data.consumeBoolean();
        Role role = data.consumeBoolean() ? Role.CLIENT : Role.SERVER;
        byte[] input = data.consumeRemainingAsBytes();
        WebSocketConfig config = WebSocketConfig.builder().maxMessageSize(maxMessage).maxFramePayload(maxFrame)
                .maxFragmentsPerMessage(maxFragments).deliverFragments(fragments).build();

        EngineModel model = EngineModel.run(FrameParserFuzzTest.reference(input, role, maxFrame, 0).events(),
                maxMessage, maxFragments);

        Wire wire = new Wire();
        Recorder recorder = new Recorder();
        long bound = (256 << 10) + 64L * input.length;
        long allocated = receive(input, cuts, role, config, recorder, wire);
        if (allocated > bound) { // measure again without the first run's class loading and linking
            allocated = receive(input, cuts, role, config, recorder = new Recorder(), wire = new Wire());
        }
        long measured = allocated;
        assertTrue(measured <= bound, () -> "allocated " + measured + " bytes for " + input.length + " bytes of input");

        assertEquals(model.messages, recorder.messages, "delivered messages differ from the model");
        List<Sent> sent = new ArrayList<>();
        List<Event> out = FrameParserFuzzTest.reference(wire.bytes(), role == Role.SERVER ? Role.CLIENT : Role.SERVER,
                Long.MAX_VALUE, 0).events();
        int closes = 0;
        for (Event frame : out) {
            assertTrue(frame.complete() && frame.errorCode() == 0, () -> "the engine sent a broken frame: " + out);
            if (frame.opcode() == Opcode.CLOSE) {
                closes++;
                byte[] body = frame.payload();
                int code = body.length < 2 ? CloseCodes.NO_STATUS_RECEIVED : (body[0] & 0xFF) << 8 | (body[1] & 0xFF);
                assertTrue(Utf8Oracle.valid(java.util.Arrays.copyOfRange(body, Math.min(2, body.length), body.length)),
                        "close reason sent is not UTF-8");
                sent.add(new Sent(Opcode.CLOSE, null, code));
            } else {
                sent.add(new Sent(frame.opcode(), frame.payload(), 0));
            }
        }
        assertTrue(closes <= 1, "more than one close frame sent");
        assertEquals(model.sent, sent, "frames sent differ from the model");
        assertEquals(model.failure == 0 ? List.of() : List.of(model.failure), recorder.failures,
                "failure reports differ from the model");
        assertTrue(recorder.failures.stream().allMatch(code -> code == CloseCodes.PROTOCOL_ERROR
                || code == CloseCodes.INVALID_FRAME_PAYLOAD_DATA || code == CloseCodes.MESSAGE_TOO_BIG));
        assertEquals(model.closeReceived == 0 ? List.of() : List.of(model.closeReceived), recorder.closesReceived);
        assertEquals(model.failure != 0 || model.closeReceived != 0 ? 1 : 0, wire.closeRequests(),
                "TCP close requested a wrong number of times");
    }

    /** @return the heap allocated by the engine while receiving {@code input} */
    private static long receive(byte[] input, long cuts, Role role, WebSocketConfig config, Recorder recorder,
                                Wire wire) {
        WebSocketEngine engine = WebSocketEngine.open(role, config, null, recorder, wire);
        long[] allocated = {0};
        Chunks.feed(input, cuts, chunk -> {
            long before = Allocations.current();
            engine.receive(chunk);
            allocated[0] += Allocations.current() - before;
            assertTrue(!chunk.hasRemaining(), "receive left input unconsumed");
        });
        return allocated[0];
    }

    /** Collects what the engine reports; chunks of a message are joined. */
    private static final class Recorder implements EngineListener {
        final List<Message> messages = new ArrayList<>();
        final List<Integer> failures = new ArrayList<>();
        final List<Integer> closesReceived = new ArrayList<>();
        private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

        @Override
        public void onText(String text) {
            messages.add(new Message(true, text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void onBinary(ByteBuffer data) {
            messages.add(new Message(false, bytes(data)));
        }

        @Override
        public void onFragment(boolean text, ByteBuffer data, boolean last) {
            chunks.writeBytes(bytes(data));
            if (last) {
                messages.add(new Message(text, chunks.toByteArray()));
                chunks.reset();
            }
        }

        @Override
        public void onFailure(int closeCode, String message) {
            failures.add(closeCode);
        }

        @Override
        public void onCloseReceived(int code, String reason) {
            closesReceived.add(code);
        }

        private static byte[] bytes(ByteBuffer data) {
            byte[] copy = new byte[data.remaining()];
            data.duplicate().get(copy);
            return copy;
        }
    }
}
