package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.fill;
import static io.github.rfc6455.conformance.Cases.hex;
import static io.github.rfc6455.conformance.Cases.scripted;
import static io.github.rfc6455.conformance.Cases.utf8;

import java.util.ArrayList;
import java.util.List;

/** Section 2, Pings/Pongs (RFC 6455 sections 5.5.2 and 5.5.3). */
final class PingPongCases {

    private PingPongCases() {
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        String echo = "Pong with payload echo'ed is sent in reply to Ping. Clean close with normal code.";
        out.add(ping("2.1", "Send ping without payload.",
                "Pong (with empty payload) is sent in reply to Ping. Clean close with normal code.", new byte[0], 0, 1));
        out.add(ping("2.2", "Send ping with small text payload.", echo, utf8("Hello, world!"), 0, 1));
        out.add(ping("2.3", "Send ping with small binary (non UTF-8) payload.", echo, hex("00fffefdfcfb00ff"), 0, 1));
        out.add(ping("2.4", "Send ping with binary payload of 125 octets.", echo, fill(0xFE, 125), 0, 1));
        out.add(scripted("2.5", "Send ping with binary payload of 126 octets.",
                "Connection is failed immediately (1002/Protocol Error), since control frames are only allowed to "
                        + "have payload up to and including 125 octets..", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    p.sendFrame(OutFrame.of(9).payload(fill(0xFE, 126)));
                    p.killAfter(1);
                }));
        out.add(ping("2.6", "Send ping with binary payload of 125 octets, send in octet-wise chops.",
                "Pong with payload echo'ed is sent in reply to Ping. Implementations must be TCP clean. "
                        + "Clean close with normal code.", fill(0xFE, 125), 1, 2));
        out.add(scripted("2.7", "Send unsolicited pong without payload. Verify nothing is received. "
                + "Clean close with normal code.", "Nothing.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendFrame(OutFrame.of(10));
                    p.sendClose(1000, null);
                    p.closeAfter(1);
                }));
        out.add(scripted("2.8", "Send unsolicited pong with payload. Verify nothing is received. "
                + "Clean close with normal code.", "Nothing.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendFrame(OutFrame.of(10).payload("unsolicited pong payload"));
                    p.sendClose(1000, null);
                    p.closeAfter(1);
                }));
        out.add(scripted("2.9", "Send unsolicited pong with payload. Send ping with payload. "
                + "Verify pong for ping is received.", "Nothing in reply to own Pong, but Pong with payload echo'ed "
                + "in reply to Ping. Clean close with normal code.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK, Observed.pong("ping payload"));
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendFrame(OutFrame.of(10).payload("unsolicited pong payload"));
                    p.sendFrame(OutFrame.of(9).payload("ping payload"));
                    p.closeAfter(1);
                }));
        out.add(tenPings("2.10", "Send 10 Pings with payload.", 0));
        out.add(tenPings("2.11", "Send 10 Pings with payload. Send out octets in octet-wise chops.", 1));
        return out;
    }

    private static CaseDefinition ping(String id, String description, String expectation, byte[] payload, int chop,
                                       double closeAfter) {
        return scripted(id, description, expectation, closeAfter, (c, p) -> {
            c.expectEvents(Verdict.OK, Observed.pong(payload));
            c.expectClose(ExpectedClose.fuzzerCloses(1000));
            p.sendFrame(OutFrame.of(9).payload(payload).chop(chop));
            p.closeAfter(closeAfter);
        });
    }

    private static CaseDefinition tenPings(String id, String description, int chop) {
        return scripted(id, description, "Pongs for our Pings with all the payloads. Note: This is not required by "
                + "the Spec .. but we check for this behaviour anyway. Clean close with normal code.", 3, (c, p) -> {
                    Observed[] pongs = new Observed[10];
                    for (int i = 0; i < 10; i++) {
                        pongs[i] = Observed.pong("payload-" + i);
                    }
                    c.expectEvents(Verdict.OK, pongs);
                    for (int i = 0; i < 10; i++) {
                        p.sendFrame(OutFrame.of(9).payload("payload-" + i).chop(chop));
                    }
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.closeAfter(3);
                });
    }
}
