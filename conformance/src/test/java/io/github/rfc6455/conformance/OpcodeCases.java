package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.scripted;

import java.util.ArrayList;
import java.util.List;

/** Section 4, Opcodes: reserved non-control (4.1.x) and control (4.2.x) opcodes (RFC 6455 section 5.2). */
final class OpcodeCases {

    private static final String HELLO = "Hello, world!";

    private OpcodeCases() {
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        for (int group = 1; group <= 2; group++) {
            String kind = group == 1 ? "non-control" : "control";
            int base = group == 1 ? 3 : 11;
            out.add(alone("4." + group + ".1", "Send frame with reserved " + kind + " Opcode = " + base + ".",
                    base, null));
            out.add(alone("4." + group + ".2", "Send frame with reserved " + kind + " Opcode = " + (base + 1)
                    + " and non-empty payload.", base + 1, "reserved opcode payload"));
            out.add(afterEcho("4." + group + ".3", "Send small text message, then send frame with reserved " + kind
                    + " Opcode = " + (base + 2) + ", then send Ping.", base + 2, false, 0));
            out.add(afterEcho("4." + group + ".4", "Send small text message, then send frame with reserved " + kind
                    + " Opcode = " + (base + 3) + " and non-empty payload, then send Ping.", base + 3, true, 0));
            out.add(afterEcho("4." + group + ".5", "Send small text message, then send frame with reserved " + kind
                    + " Opcode = " + (base + 4) + " and non-empty payload, then send Ping.", base + 4, true, 1));
        }
        return out;
    }

    private static CaseDefinition alone(String id, String description, int opcode, String payload) {
        return scripted(id, description, "The connection is failed immediately.", 1, (c, p) -> {
            c.expectEvents(Verdict.OK);
            c.expectClose(ExpectedClose.peerFails(1002));
            p.sendFrame(payload == null ? OutFrame.of(opcode) : OutFrame.of(opcode).payload(payload));
            p.killAfter(1);
        });
    }

    private static CaseDefinition afterEcho(String id, String description, int opcode, boolean withPayload, int chop) {
        return scripted(id, description, "Echo for first message is received, but then connection is failed "
                + "immediately, since reserved opcode frame is used. A Pong is not received.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK, Observed.text(HELLO));
                    c.expectEvents(Verdict.NON_STRICT);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    p.sendFrame(OutFrame.of(1).payload(HELLO).chop(chop));
                    OutFrame reserved = OutFrame.of(opcode).chop(chop);
                    p.sendFrame(withPayload ? reserved.payload(HELLO) : reserved);
                    p.sendFrame(OutFrame.of(9).chop(chop));
                    p.killAfter(1);
                });
    }
}
