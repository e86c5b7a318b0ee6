package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.CloseFrames;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes {@link CloseFrames} (RFC 6455 sections 5.5.1 and 7.4) both ways, and the engine's answer to a Close frame.
 * Invariants for a received body: the code is 1005 for an empty body, -1 for one byte or a code not allowed on the
 * wire (checked against the ranges of section 7.4 written out here), the code itself otherwise; the reason is null
 * exactly when the JDK's strict decoder rejects it and equals the JDK's decoding otherwise; the buffer's position is
 * not moved; a valid body of at most 125 bytes is rebuilt byte for byte by {@link CloseFrames#body}; a server engine
 * echoes a valid code (1000 for an empty body) and fails with 1002 (bad length or code) or 1007 (bad reason)
 * otherwise. For a built body: {@link IllegalArgumentException} exactly for codes not allowed on the wire (1005
 * excepted), at most 125 bytes, the code big-endian, and a reason that is the longest prefix of the UTF-8 text
 * ending at a character boundary within 123 bytes.
 *
 * <p>Input layout: the received body (at most 130 bytes), then a reason for building as UTF-16 (so unpaired
 * surrogates occur), then 2 bytes of the code for building and a byte of the body's length. Seeds:
 * {@code CloseFrameFuzzTestInputs/fuzz/}.
 */
class CloseFrameFuzzTest {

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        int bodyLength = data.consumeInt(0, 130);
        int buildCode = data.consumeInt(0, 65535);
        byte[] body = data.consumeBytes(bodyLength);
        String buildReason = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_16BE);
        received(body);
        built(buildCode, buildReason);
    }

    private static boolean allowedOnWire(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    private static void received(byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(body.length + 3).position(3);
        buffer.put(body).position(3);
        int code = CloseFrames.code(buffer);
        assertEquals(3, buffer.position(), "code() moved the position");
        int expected = body.length == 0 ? CloseCodes.NO_STATUS_RECEIVED : body.length == 1 ? -1
                : allowedOnWire((body[0] & 0xFF) << 8 | (body[1] & 0xFF)) ? (body[0] & 0xFF) << 8 | (body[1] & 0xFF)
                : -1;
        assertEquals(expected, code);
        byte[] reasonBytes = body.length <= 2 ? new byte[0] : Arrays.copyOfRange(body, 2, body.length);
        boolean reasonValid = Utf8Oracle.valid(reasonBytes);
        int expectedOutcome;
        if (code >= 0) {
            String reason = CloseFrames.reason(buffer);
            assertEquals(3, buffer.position(), "reason() moved the position");
            assertEquals(reasonValid ? Utf8Oracle.decode(reasonBytes) : null, reason);
            if (reason != null && code != CloseCodes.NO_STATUS_RECEIVED && body.length <= 125) {
                assertArrayEquals(body, remaining(CloseFrames.body(code, reason)), "body(code(b), reason(b)) != b");
            }
            expectedOutcome = reasonValid ? code : -CloseCodes.INVALID_FRAME_PAYLOAD_DATA;
        } else {
            expectedOutcome = -CloseCodes.PROTOCOL_ERROR;
        }
        if (body.length <= 125) {
            assertEquals(expectedOutcome, engineOutcome(body));
        }
    }

    /** @return the code a server engine echoes for a Close frame with that body, or minus the code it fails with */
    private static int engineOutcome(byte[] body) {
        List<Integer> outcome = new ArrayList<>();
        EngineListener listener = new EngineListener() {
            @Override
            public void onCloseReceived(int code, String reason) {
                outcome.add(code);
            }

            @Override
            public void onFailure(int closeCode, String message) {
                outcome.add(-closeCode);
            }
        };
        Wire wire = new Wire();
        WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, listener, wire);
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.headerLength(body.length, true) + body.length);
        FrameEncoder.encode(frame, true, 0, Opcode.CLOSE, ByteBuffer.wrap(body), true, 0x5A17C0DE);
        engine.receive(frame.flip());
        assertEquals(1, outcome.size(), () -> "one close or one failure expected: " + outcome);
        byte[] sent = wire.bytes();
        assertEquals(0x88, sent[0] & 0xFF, "the engine must answer with a Close frame");
        int sentCode = (sent[2] & 0xFF) << 8 | (sent[3] & 0xFF);
        int result = outcome.get(0);
        assertEquals(result == CloseCodes.NO_STATUS_RECEIVED ? CloseCodes.NORMAL_CLOSURE : Math.abs(result), sentCode);
        return result;
    }

    private static void built(int code, String reason) {
        if (!allowedOnWire(code) && code != CloseCodes.NO_STATUS_RECEIVED) {
            assertThrows(IllegalArgumentException.class, () -> CloseFrames.body(code, reason));
            return;
        }
        byte[] body = remaining(CloseFrames.body(code, reason));
        if (code == CloseCodes.NO_STATUS_RECEIVED) {
            assertEquals(0, body.length);
            return;
        }
        assertTrue(body.length >= 2 && body.length <= 125);
        assertEquals(code, (body[0] & 0xFF) << 8 | (body[1] & 0xFF));
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOfRange(body, 2, body.length);
        assertArrayEquals(Arrays.copyOf(text, cut.length), cut, "the reason sent is not a prefix of the reason");
        assertTrue(Utf8Oracle.valid(cut), "the reason was cut inside a character");
        assertTrue(cut.length == text.length || cut.length > CloseFrames.MAX_REASON_BYTES - 4,
                "the reason was cut shorter than needed");
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
