package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.hex;
import static io.github.rfc6455.conformance.Cases.scripted;
import static io.github.rfc6455.conformance.Cases.utf8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Section 6, UTF-8 Handling (RFC 6455 sections 5.6 and 8.1): valid text split anywhere, invalid text anywhere, fail-fast
 * on the first invalid octet (6.4.x), and the decoder stress strings (6.5 to 6.23).
 */
final class Utf8Cases {

    private static final byte[] HELLO = utf8("Hello-µ@ßöäüàá-UTF-8!!");
    /** Invalid exactly at octet 12 (0xA0 after 0xED: a UTF-16 surrogate). */
    private static final byte[] INVALID = concat(Utf8Sequences.KAPPA, hex("eda080"), hex("656469746564"));
    /** Invalid exactly at octet 12 (0x90 after 0xF4: beyond U+10FFFF). */
    private static final byte[] FAIL_FAST = concat(Utf8Sequences.KAPPA, hex("f4908080"), hex("656469746564"));
    private static final String ECHOED = "The message is echo'ed back to us.";
    private static final String FAILED = "The connection is failed immediately, since the payload is not valid UTF-8.";

    private Utf8Cases() {
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        out.add(valid("6.1.1", "Send text message of length 0.",
                "A message is echo'ed back to us (with empty payload).", new byte[0],
                (p, payload) -> p.sendFrame(OutFrame.of(1))));
        out.add(valid("6.1.2", "Send fragmented text message, 3 fragments each of length 0.",
                "A message is echo'ed back to us (with empty payload).", new byte[0], (p, payload) -> {
                    p.sendFrame(OutFrame.of(1).fin(false));
                    p.sendFrame(OutFrame.of(0).fin(false));
                    p.sendFrame(OutFrame.of(0).fin(true));
                }));
        out.add(valid("6.1.3", "Send fragmented text message, 3 fragments, first and last of length 0, middle "
                + "non-empty.", "A message is echo'ed back to us (with payload = payload of middle fragment).",
                utf8("middle frame payload"), (p, payload) -> {
                    p.sendFrame(OutFrame.of(1).fin(false));
                    p.sendFrame(OutFrame.of(0).fin(false).payload(payload));
                    p.sendFrame(OutFrame.of(0).fin(true));
                }));
        out.add(valid("6.2.1", "Send a valid UTF-8 text message in one fragment. MESSAGE: Hello-µ@ßöäüàá-UTF-8!! "
                + hex(HELLO), ECHOED, HELLO, (p, payload) -> p.sendMessage(payload, false)));
        byte[] part1 = utf8("Hello-µ@ßöä");
        byte[] part2 = utf8("üàá-UTF-8!!");
        out.add(valid("6.2.2", "Send a valid UTF-8 text message in two fragments, fragmented on UTF-8 code point "
                + "boundary. MESSAGE FRAGMENT 1: Hello-µ@ßöä " + hex(part1) + " MESSAGE FRAGMENT 2: üàá-UTF-8!! "
                + hex(part2), ECHOED, concat(part1, part2), (p, payload) -> {
                    p.sendFrame(OutFrame.of(1).fin(false).payload(part1));
                    p.sendFrame(OutFrame.of(0).fin(true).payload(part2));
                }));
        out.add(valid("6.2.3", "Send a valid UTF-8 text message in fragments of 1 octet, resulting in frames ending "
                + "on positions which are not code point ends. MESSAGE: Hello-µ@ßöäüàá-UTF-8!! " + hex(HELLO),
                ECHOED, HELLO, (p, payload) -> p.sendMessage(payload, false, 1)));
        out.add(valid("6.2.4", "Send a valid UTF-8 text message in fragments of 1 octet, resulting in frames ending "
                + "on positions which are not code point ends. MESSAGE: κόσμε " + hex(Utf8Sequences.KAPPA),
                ECHOED, Utf8Sequences.KAPPA, (p, payload) -> p.sendMessage(payload, false, 1)));
        out.add(invalid("6.3.1", "Send invalid UTF-8 text message unfragmented. MESSAGE: " + hex(INVALID), 1, 0));
        out.add(invalid("6.3.2", "Send invalid UTF-8 text message in fragments of 1 octet, resulting in frames ending "
                + "on positions which are not code point ends. MESSAGE: " + hex(INVALID), 1, 1));
        out.addAll(failFast());
        int sub = 5;
        for (Utf8Sequences.Group group : Utf8Sequences.groups()) {
            int n = 1;
            for (Utf8Sequences.Item item : group.items()) {
                String id = "6." + sub + "." + n++;
                byte[] payload = item.bytes();
                if (item.valid()) {
                    out.add(scripted(id, "Send a text message with payload which is valid UTF-8 in one fragment. "
                            + "Payload: 0x" + hex(payload), ECHOED, 0.5, (c, p) -> {
                                c.expectEvents(Verdict.OK, Observed.message(payload, false));
                                c.expectClose(ExpectedClose.fuzzerCloses(1000));
                                p.sendMessage(payload, false);
                                p.killAfter(0.5);
                            }));
                } else {
                    out.add(invalidStress(id, payload));
                }
            }
            sub++;
        }
        return out;
    }

    /** The sub-section titles of 6.5 to 6.23, in order. */
    static List<String> stressTitles() {
        return Utf8Sequences.groups().stream().map(Utf8Sequences.Group::title).toList();
    }

    @FunctionalInterface
    private interface Sender {
        void send(Fuzzer p, byte[] payload);
    }

    private static CaseDefinition valid(String id, String description, String expectation, byte[] payload,
                                        Sender sender) {
        return scripted(id, description, expectation, 1, (c, p) -> {
            c.expectEvents(Verdict.OK, Observed.message(payload, false));
            c.expectClose(ExpectedClose.fuzzerCloses(1000));
            sender.send(p, payload);
            p.closeAfter(1);
        });
    }

    private static ExpectedClose invalidClose() {
        return new ExpectedClose(false, List.of(1007), false, true);
    }

    private static CaseDefinition invalid(String id, String description, double kill, int fragmentSize) {
        return scripted(id, description, FAILED, kill, (c, p) -> {
            c.expectEvents(Verdict.OK);
            c.expectClose(invalidClose());
            p.sendMessage(INVALID, false, fragmentSize);
            p.killAfter(kill);
        });
    }

    private static CaseDefinition invalidStress(String id, byte[] payload) {
        return scripted(id, "Send a text message with payload which is not valid UTF-8 in one fragment. Payload: 0x"
                + hex(payload), FAILED, 0.5, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(invalidClose());
                    p.sendMessage(payload, false);
                    p.killAfter(0.5);
                });
    }

    private static List<CaseDefinition> failFast() {
        byte[] p1 = Arrays.copyOfRange(FAIL_FAST, 0, 11);
        byte[] p2 = Arrays.copyOfRange(FAIL_FAST, 11, 15);
        byte[] p3 = Arrays.copyOfRange(FAIL_FAST, 15, FAIL_FAST.length);
        byte[] q1 = Arrays.copyOfRange(FAIL_FAST, 0, 12);
        byte[] q2 = Arrays.copyOfRange(FAIL_FAST, 12, 13);
        byte[] q3 = Arrays.copyOfRange(FAIL_FAST, 13, FAIL_FAST.length);
        String frameExpectation = "The first frame is accepted, we expect to timeout on the first wait. The 2nd frame "
                + "should be rejected immediately (fail fast on UTF-8). If we timeout, we expect the connection is "
                + "failed at least then, since the complete message payload is not valid UTF-8.";
        String chopExpectation = frameExpectation.replace("frame", "chop");
        return List.of(
                failFast("6.4.1", "Send invalid UTF-8 text message in 3 fragments (frames). First frame payload is "
                        + "valid, then wait, then 2nd frame which contains the payload making the sequence invalid, "
                        + "then wait, then 3rd frame with rest. Note that PART1 and PART3 are valid UTF-8 in "
                        + "themselves, PART2 is a 0x110000 encoded as in the UTF-8 integer encoding scheme, but the "
                        + "codepoint is invalid (out of range). MESSAGE PARTS: PART1 = " + hex(p1) + " PART2 = "
                        + hex(p2) + " PART3 = " + hex(p3), frameExpectation, p1, p2, p3, false),
                failFast("6.4.2", "Same as Case 6.4.1, but in 2nd frame, we send only up to and including the octet "
                        + "making the complete payload invalid. MESSAGE PARTS: PART1 = " + hex(q1) + " PART2 = "
                        + hex(q2) + " PART3 = " + hex(q3), frameExpectation, q1, q2, q3, false),
                failFast("6.4.3", "Same as Case 6.4.1, but we send message not in 3 frames, but in 3 chops of the "
                        + "same message frame. MESSAGE PARTS: PART1 = " + hex(p1) + " PART2 = " + hex(p2)
                        + " PART3 = " + hex(p3), chopExpectation, p1, p2, p3, true),
                failFast("6.4.4", "Same as Case 6.4.2, but we send message not in 3 frames, but in 3 chops of the "
                        + "same message frame. MESSAGE PARTS: PART1 = " + hex(q1) + " PART2 = " + hex(q2)
                        + " PART3 = " + hex(q3), chopExpectation, q1, q2, q3, true));
    }

    private static CaseDefinition failFast(String id, String description, String expectation, byte[] part1,
                                           byte[] part2, byte[] part3, boolean oneFrame) {
        return scripted(id, description, expectation, 3, (c, p) -> {
            c.expectEvents(Verdict.OK, Observed.timeout("A"));
            c.expectEvents(Verdict.NON_STRICT, Observed.timeout("A"), Observed.timeout("B"));
            c.expectClose(invalidClose());
            if (oneFrame) {
                p.beginMessage(false);
                p.beginMessageFrame(part1.length + part2.length + part3.length);
                p.sendMessageFrameData(part1);
            } else {
                p.sendFrame(OutFrame.of(1).fin(false).payload(part1));
            }
            p.continueLater(1, () -> {
                if (!p.isOpen()) {
                    return;
                }
                c.recordTimeout("A");
                if (oneFrame) {
                    p.sendMessageFrameData(part2);
                } else {
                    p.sendFrame(OutFrame.of(0).fin(false).payload(part2));
                }
                p.continueLater(1, () -> {
                    if (!p.isOpen()) {
                        return;
                    }
                    c.recordTimeout("B");
                    if (oneFrame) {
                        p.sendMessageFrameData(part3);
                        p.endMessage();
                    } else {
                        p.sendFrame(OutFrame.of(0).fin(true).payload(part3));
                    }
                    p.killAfter(1);
                });
            });
        });
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] part : parts) {
            n += part.length;
        }
        byte[] out = new byte[n];
        int k = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, k, part.length);
            k += part.length;
        }
        return out;
    }
}
