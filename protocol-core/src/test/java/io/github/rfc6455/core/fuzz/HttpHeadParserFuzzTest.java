package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HeadLimits;
import io.github.rfc6455.core.handshake.HttpHeadParser;
import io.github.rfc6455.core.handshake.HttpHeaders;
import io.github.rfc6455.core.handshake.HttpRequestHead;
import io.github.rfc6455.core.handshake.HttpResponseHead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link HttpHeadParser}, request and response, over fuzzer-chosen cuts and limits. Invariants: the outcome
 * (head, consumed bytes, or the failure's status and message) does not depend on how the bytes were cut; a request
 * fails only with 400 or 431 and a response only with status 0; a parsed head respects the limits, its names are
 * tokens and its values hold no control character or surrounding whitespace; and writing the parsed head out again
 * and parsing that gives the same head (parse(format(x)) == x). The parser is linear (each byte seen a bounded number
 * of times), which the fuzzer's per-input timeout would flag if broken.
 *
 * <p>Input layout (libFuzzer's FuzzedDataProvider takes numbers from the end): the head bytes, then a byte whose
 * lowest bit picks the response parser, a maximum header count (100 minus it), two bytes lowering the head size limit
 * from 8192, and 8 bytes seeding the cuts (0: one piece). Seeds: {@code HttpHeadParserFuzzTestInputs/fuzz/}.
 */
class HttpHeadParserFuzzTest {
    /** What one parse came to; equal for equal behaviour. */
    private record Outcome(Object head, int consumed, int status, String message) {
    }

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        long cuts = data.consumeLong(0, Long.MAX_VALUE);
        int maxHeadBytes = 8192 - data.consumeInt(0, 8191);
        int maxHeaders = 100 - data.consumeInt(0, 100);
        boolean response = data.consumeBoolean();
        byte[] input = data.consumeRemainingAsBytes();
        HeadLimits limits = new HeadLimits(maxHeadBytes, maxHeaders);

        Outcome whole = parse(input, 0, response, limits);
        Outcome cut = parse(input, cuts, response, limits);
        assertEquals(whole, cut, "the outcome depends on how the input was cut");
        if (whole.message != null) {
            assertTrue(response ? whole.status == 0 : whole.status == 400 || whole.status == 431,
                    () -> "unexpected status " + whole.status + ": " + whole.message);
            return;
        }
        if (whole.head == null) {
            return; // incomplete
        }
        assertTrue(whole.consumed <= maxHeadBytes, "consumed more than the head limit");
        HttpHeaders headers = response ? ((HttpResponseHead) whole.head).headers()
                : ((HttpRequestHead) whole.head).headers();
        assertTrue(headers.size() <= maxHeaders, "more headers than the limit");
        for (int i = 0; i < headers.size(); i++) {
            assertTrue(HttpHeaders.isToken(headers.name(i)), "header name is not a token");
            String value = headers.value(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                assertTrue((c >= 0x20 && c != 0x7F && c <= 0xFF) || c == '\t', "control character in a value");
            }
            assertTrue(value.isEmpty() || (value.charAt(0) > ' ' && value.charAt(value.length() - 1) > ' '),
                    "value not trimmed");
        }
        byte[] formatted = format(whole.head, response);
        Outcome again = parse(formatted, 0, response, new HeadLimits(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(whole.head, again.head, "parse(format(head)) differs from head");
        assertEquals(formatted.length, again.consumed);
    }

    private static Outcome parse(byte[] input, long cuts, boolean response, HeadLimits limits) {
        HttpHeadParser parser = response ? HttpHeadParser.forResponse(limits) : HttpHeadParser.forRequest(limits);
        int[] offset = {0};
        Outcome[] result = {null};
        Chunks.feed(input, cuts, chunk -> {
            if (result[0] != null) {
                return;
            }
            int start = chunk.position();
            try {
                if (parser.parse(chunk)) {
                    Object head = response ? parser.response() : parser.request();
                    result[0] = new Outcome(head, offset[0] + chunk.position() - start, 0, null);
                    assertTrue(parser.parse(chunk), "a complete parser must stay complete");
                } else {
                    assertEquals(chunk.limit(), chunk.position(), "incomplete head left bytes unconsumed");
                }
            } catch (HandshakeException e) {
                result[0] = new Outcome(null, -1, e.status(), e.getMessage());
            }
            offset[0] += chunk.limit() - start;
        });
        if (result[0] != null && result[0].message != null) {
            HandshakeException again = null;
            try {
                parser.parse(ByteBuffer.allocate(1));
            } catch (HandshakeException e) {
                again = e;
            }
            assertTrue(again != null && again.getMessage().equals(result[0].message),
                    "a failed parser must fail again the same way");
        }
        return result[0] != null ? result[0] : new Outcome(null, input.length, 0, null);
    }

    /** Writes a head as a well-formed HTTP/1.1 head. */
    private static byte[] format(Object head, boolean response) {
        StringBuilder sb = new StringBuilder();
        HttpHeaders headers;
        if (response) {
            HttpResponseHead r = (HttpResponseHead) head;
            sb.append(r.version()).append(' ').append(String.format("%03d", r.status()));
            if (!r.reason().isEmpty()) {
                sb.append(' ').append(r.reason());
            }
            headers = r.headers();
        } else {
            HttpRequestHead r = (HttpRequestHead) head;
            sb.append(r.method()).append(' ').append(r.target()).append(' ').append(r.version());
            headers = r.headers();
        }
        sb.append("\r\n");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
