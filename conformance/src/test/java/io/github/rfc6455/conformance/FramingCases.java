package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.fill;
import static io.github.rfc6455.conformance.Cases.scripted;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 1, Framing: text (1.1.x) and binary (1.2.x) messages of lengths around the 7-bit, 16-bit and 64-bit length
 * encodings (RFC 6455 section 5.2), the last one written in chops of 997 octets.
 */
final class FramingCases {

    private static final int[] SIZES = {0, 125, 126, 127, 128, 65535, 65536, 65536};

    private FramingCases() {
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        for (int kind = 1; kind <= 2; kind++) {
            boolean binary = kind == 2;
            String type = binary ? "binary" : "text";
            for (int i = 0; i < SIZES.length; i++) {
                int size = SIZES[i];
                int chop = i == SIZES.length - 1 ? 997 : 0;
                double kill = size <= 128 ? 1 : 10;
                String description = size == 0 ? "Send " + type + " message with payload 0."
                        : "Send " + type + " message message with payload of length " + size + "."
                        + (chop > 0 ? " Sent out data in chops of 997 octets." : "");
                String expectation = "Receive echo'ed " + type + " message (with "
                        + (size == 0 ? "empty payload" : "payload as sent") + "). Clean close with normal code.";
                byte[] payload = fill(binary ? 0xFE : '*', size);
                int opcode = binary ? 2 : 1;
                out.add(scripted("1." + kind + "." + (i + 1), description, expectation, kill, (c, p) -> {
                    c.expectEvents(Verdict.OK, Observed.message(payload, binary));
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendFrame(OutFrame.of(opcode).payload(payload).chop(chop));
                    p.killAfter(kill);
                }));
            }
        }
        return out;
    }
}
