package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.scripted;

import java.util.ArrayList;
import java.util.List;

/** Section 5, Fragmentation (RFC 6455 section 5.4). */
final class FragmentationCases {

    private static final String NOTHING_TO_CONTINUE =
            "The connection is failed immediately, since there is no message to continue.";
    private static final String ECHOED = "Message is processed and echo'ed back to us.";
    private static final String PONG_THEN_ECHO = "A pong is received, then the message is echo'ed back to us.";

    private FragmentationCases() {
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        out.add(fragmentedControl("5.1", "Send Ping fragmented into 2 fragments.", 9));
        out.add(fragmentedControl("5.2", "Send Pong fragmented into 2 fragments.", 10));
        out.add(twoFragments("5.3", "Send text Message fragmented into 2 fragments.", 0, false));
        out.add(twoFragments("5.4", "Send text Message fragmented into 2 fragments, octets are sent in frame-wise "
                + "chops.", 0, true));
        out.add(twoFragments("5.5", "Send text Message fragmented into 2 fragments, octets are sent in octet-wise "
                + "chops.", 1, false));
        out.add(pingBetween("5.6", "Send text Message fragmented into 2 fragments, one ping with payload "
                + "in-between.", 0, false));
        out.add(pingBetween("5.7", "Send text Message fragmented into 2 fragments, one ping with payload in-between. "
                + "Octets are sent in frame-wise chops.", 0, true));
        out.add(pingBetween("5.8", "Send text Message fragmented into 2 fragments, one ping with payload in-between. "
                + "Octets are sent in octet-wise chops.", 1, false));
        String[] how = {"one chop", "per-frame chops", "octet-wise chops"};
        for (int fin = 1; fin >= 0; fin--) {
            for (int i = 0; i < 3; i++) {
                int number = 9 + (1 - fin) * 3 + i;
                out.add(continuationFirst("5." + number, "Send unfragmented Text Message after Continuation Frame "
                        + "with FIN = " + (fin == 1 ? "true" : "false") + ", where there is nothing to continue, "
                        + "sent in " + how[i] + ".", fin == 1, i == 2 ? 1 : 0, i == 1));
            }
        }
        out.add(scripted("5.15", "Send text Message fragmented into 2 fragments, then Continuation Frame with "
                + "FIN = false where there is nothing to continue, then unfragmented Text Message, all sent in one "
                + "chop.", NOTHING_TO_CONTINUE, 1, (c, p) -> {
                    c.expectEvents(Verdict.OK, Observed.text("fragment1fragment2"));
                    c.expectEvents(Verdict.NON_STRICT);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    p.sendFrame(OutFrame.of(1).fin(false).payload("fragment1"));
                    p.sendFrame(OutFrame.of(0).fin(true).payload("fragment2"));
                    p.sendFrame(OutFrame.of(0).fin(false).payload("fragment3"));
                    p.sendFrame(OutFrame.of(1).fin(true).payload("fragment4"));
                    p.killAfter(1);
                }));
        out.add(repeated("5.16", "Repeated 2x: Continuation Frame with FIN = false (where there is nothing to "
                + "continue), then text Message fragmented into 2 fragments.", false));
        out.add(repeated("5.17", "Repeated 2x: Continuation Frame with FIN = true (where there is nothing to "
                + "continue), then text Message fragmented into 2 fragments.", true));
        out.add(scripted("5.18", "Send text Message fragmented into 2 fragments, with both frame opcodes set to "
                + "text, sent in one chop.", "The connection is failed immediately, since all data frames after the "
                + "initial data frame must have opcode 0.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    p.sendFrame(OutFrame.of(1).fin(false).payload("fragment1"));
                    p.sendFrame(OutFrame.of(1).fin(true).payload("fragment2"));
                    p.killAfter(1);
                }));
        out.add(pingsWithPause("5.19", "A fragmented text message is sent in multiple frames. After sending the "
                + "first 2 frames of the text message, a Ping is sent. Then we wait 1s, then we send 2 more text "
                + "fragments, another Ping and then the final text fragment. Everything is legal.", "The peer "
                + "immediately answers the first Ping before it has received the last text message fragment. The "
                + "peer pong's back the Ping's payload exactly, and echo's the payload of the fragmented message back "
                + "to us.", false));
        out.add(pingsWithPause("5.20", "Same as Case 5.19, but send all frames with SYNC = True. Note, this does not "
                + "change the octets sent in any way, only how the stream is chopped up on the wire.", "Same as Case "
                + "5.19. Implementations must be agnostic to how octet stream is chopped up on wire (must be TCP "
                + "clean).", true));
        return out;
    }

    private static CaseDefinition fragmentedControl(String id, String description, int opcode) {
        return scripted(id, description, "Connection is failed immediately, since control message MUST NOT be "
                + "fragmented.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    p.sendFrame(OutFrame.of(opcode).fin(false).payload("fragment1"));
                    p.sendFrame(OutFrame.of(0).fin(true).payload("fragment2"));
                    p.killAfter(1);
                });
    }

    private static CaseDefinition twoFragments(String id, String description, int chop, boolean sync) {
        return scripted(id, description, ECHOED, 1, (c, p) -> {
            c.expectEvents(Verdict.OK, Observed.text("fragment1fragment2"));
            c.expectClose(ExpectedClose.fuzzerCloses(1000));
            p.sendFrame(OutFrame.of(1).fin(false).payload("fragment1").chop(chop).sync(sync));
            p.sendFrame(OutFrame.of(0).fin(true).payload("fragment2").chop(chop).sync(sync));
            p.closeAfter(1);
        });
    }

    private static CaseDefinition pingBetween(String id, String description, int chop, boolean sync) {
        return scripted(id, description, PONG_THEN_ECHO, 1, (c, p) -> {
            c.expectEvents(Verdict.OK, Observed.pong("ping payload"), Observed.text("fragment1fragment2"));
            c.expectClose(ExpectedClose.fuzzerCloses(1000));
            p.sendFrame(OutFrame.of(1).fin(false).payload("fragment1").chop(chop).sync(sync));
            p.sendFrame(OutFrame.of(9).fin(true).payload("ping payload").chop(chop).sync(sync));
            p.sendFrame(OutFrame.of(0).fin(true).payload("fragment2").chop(chop).sync(sync));
            p.closeAfter(1);
        });
    }

    private static CaseDefinition continuationFirst(String id, String description, boolean fin, int chop,
                                                    boolean sync) {
        return scripted(id, description, NOTHING_TO_CONTINUE, 1, (c, p) -> {
            c.expectEvents(Verdict.OK);
            c.expectClose(ExpectedClose.peerFails(1002));
            p.sendFrame(OutFrame.of(0).fin(fin).payload("non-continuation payload").chop(chop).sync(sync));
            p.sendFrame(OutFrame.of(1).fin(true).payload("Hello, world!").chop(chop).sync(sync));
            p.killAfter(1);
        });
    }

    private static CaseDefinition repeated(String id, String description, boolean fin) {
        return scripted(id, description, NOTHING_TO_CONTINUE, 1, (c, p) -> {
            c.expectEvents(Verdict.OK);
            c.expectClose(ExpectedClose.peerFails(1002));
            for (int i = 0; i < 2; i++) {
                p.sendFrame(OutFrame.of(0).fin(fin).payload("fragment1"));
                p.sendFrame(OutFrame.of(1).fin(false).payload("fragment2"));
                p.sendFrame(OutFrame.of(0).fin(true).payload("fragment3"));
            }
            p.killAfter(1);
        });
    }

    private static CaseDefinition pingsWithPause(String id, String description, String expectation, boolean sync) {
        String[] fragments = {"fragment1", "fragment2", "fragment3", "fragment4", "fragment5"};
        String[] pings = {"pongme 1!", "pongme 2!"};
        return scripted(id, description, expectation, 2, (c, p) -> {
            c.expectEvents(Verdict.OK, Observed.pong(pings[0]), Observed.pong(pings[1]),
                    Observed.text(String.join("", fragments)));
            c.expectClose(ExpectedClose.fuzzerCloses(1000));
            p.sendFrame(OutFrame.of(1).fin(false).payload(fragments[0]).sync(sync));
            p.sendFrame(OutFrame.of(0).fin(false).payload(fragments[1]).sync(sync));
            p.sendFrame(OutFrame.of(9).fin(true).payload(pings[0]).sync(sync));
            p.continueLater(1, () -> {
                p.sendFrame(OutFrame.of(0).fin(false).payload(fragments[2]).sync(sync));
                p.sendFrame(OutFrame.of(0).fin(false).payload(fragments[3]).sync(sync));
                p.sendFrame(OutFrame.of(9).fin(true).payload(pings[1]).sync(sync));
                p.sendFrame(OutFrame.of(0).fin(true).payload(fragments[4]).sync(sync));
                p.closeAfter(1);
            });
        });
    }
}
