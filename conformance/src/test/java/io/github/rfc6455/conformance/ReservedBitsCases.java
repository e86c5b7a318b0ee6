package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.hex;
import static io.github.rfc6455.conformance.Cases.scripted;

import java.util.List;

/** Section 3, Reserved Bits: RSV bits set without a negotiated extension (RFC 6455 section 5.2). */
final class ReservedBitsCases {

    private static final String HELLO = "Hello, world!";
    private static final String FAIL_AFTER_ECHO = "Echo for first message is received, but then connection is failed "
            + "immediately, since RSV must be 0, when no extension defining RSV meaning has been negotiated. "
            + "The Pong is not received.";

    private ReservedBitsCases() {
    }

    static List<CaseDefinition> all() {
        return List.of(
                scripted("3.1", "Send small text message with RSV = 1.", "The connection is failed immediately "
                        + "(1002/protocol error), since RSV must be 0, when no extension defining RSV meaning has been "
                        + "negoiated.", 1, (c, p) -> {
                            c.expectEvents(Verdict.OK);
                            c.expectClose(ExpectedClose.peerFails(1002));
                            p.sendFrame(OutFrame.of(1).payload(HELLO).rsv(1));
                            p.killAfter(1);
                        }),
                echoThenFail("3.2", "Send small text message, then send again with RSV = 2, then send Ping.", 2, 0,
                        false),
                echoThenFail("3.3", "Send small text message, then send again with RSV = 3, then send Ping. Octets "
                        + "are sent in frame-wise chops. Octets are sent in octet-wise chops.", 3, 0, true),
                echoThenFail("3.4", "Send small text message, then send again with RSV = 4, then send Ping. Octets "
                        + "are sent in octet-wise chops.", 4, 1, false),
                scripted("3.5", "Send small binary message with RSV = 5.",
                        "The connection is failed immediately, since RSV must be 0.", 1, (c, p) -> {
                            c.expectEvents(Verdict.OK);
                            c.expectClose(ExpectedClose.peerFails(1002));
                            p.sendFrame(OutFrame.of(2).payload(hex("00fffefdfcfb00ff")).rsv(5));
                            p.killAfter(1);
                        }),
                // the official case says "Ping" but sends a binary frame; the traffic is kept as it is
                scripted("3.6", "Send Ping with RSV = 6.",
                        "The connection is failed immediately, since RSV must be 0.", 1, (c, p) -> {
                            c.expectEvents(Verdict.OK);
                            c.expectClose(ExpectedClose.peerFails(1002));
                            p.sendFrame(OutFrame.of(2).payload(HELLO).rsv(6));
                            p.killAfter(1);
                        }),
                scripted("3.7", "Send Close with RSV = 7.",
                        "The connection is failed immediately, since RSV must be 0.", 1, (c, p) -> {
                            c.expectEvents(Verdict.OK);
                            c.expectClose(ExpectedClose.peerFails(1002));
                            p.sendFrame(OutFrame.of(8).rsv(7));
                            p.killAfter(1);
                        }));
    }

    private static CaseDefinition echoThenFail(String id, String description, int rsv, int chop, boolean sync) {
        return scripted(id, description, FAIL_AFTER_ECHO, 1, (c, p) -> {
            c.expectEvents(Verdict.OK, Observed.text(HELLO));
            c.expectEvents(Verdict.NON_STRICT);
            c.expectClose(ExpectedClose.peerFails(1002));
            p.sendFrame(OutFrame.of(1).payload(HELLO).chop(chop).sync(sync));
            p.sendFrame(OutFrame.of(1).payload(HELLO).rsv(rsv).chop(chop).sync(sync));
            p.sendFrame(OutFrame.of(9).chop(chop).sync(sync));
            p.killAfter(1);
        });
    }
}
