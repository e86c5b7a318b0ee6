package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.fill;
import static io.github.rfc6455.conformance.Cases.hex;
import static io.github.rfc6455.conformance.Cases.repeat;
import static io.github.rfc6455.conformance.Cases.scripted;
import static io.github.rfc6455.conformance.Cases.utf8;
import static io.github.rfc6455.conformance.ScriptedCase.Option.INFORMATIONAL;
import static io.github.rfc6455.conformance.ScriptedCase.Option.SUPPRESS_CLOSE;
import static io.github.rfc6455.conformance.ScriptedCase.Option.WRONG_CODE_FAILS;

import java.util.ArrayList;
import java.util.List;

/** Section 7, Close Handling (RFC 6455 sections 5.5.1, 7 and 7.4), all fuzzer initiated. */
final class CloseCases {

    /** Valid close codes of 7.7.x (RFC 6455 section 7.4.1 and the registered and private ranges). */
    static final int[] VALID_CODES = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999};
    /** Invalid close codes of 7.9.x (reserved or not allowed on the wire, RFC 6455 section 7.4). */
    static final int[] INVALID_CODES = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999};

    private CloseCases() {
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        out.add(scripted("7.1.1", "Send a message followed by a close frame",
                "Echoed message followed by clean close with normal code.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK, Observed.text("Hello World!"));
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendFrame(OutFrame.of(1).payload("Hello World!"));
                    p.killAfter(1);
                }, WRONG_CODE_FAILS));
        out.add(closeThen("7.1.2", "Send two close frames", "Clean close with normal code. Second close frame ignored.",
                OutFrame.of(8)));
        out.add(closeThen("7.1.3", "Send a ping after close message", "Clean close with normal code, no pong.",
                OutFrame.of(9)));
        out.add(closeThen("7.1.4", "Send text message after sending a close frame.",
                "Clean close with normal code. Text message ignored.", OutFrame.of(1).payload("Hello World!")));
        out.add(scripted("7.1.5", "Send message fragment1 followed by close then fragment",
                "Clean close with normal code.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendFrame(OutFrame.of(1).fin(false).payload("fragment1"));
                    p.sendClose(1000, null);
                    p.sendFrame(OutFrame.of(0).fin(true).payload("fragment2"));
                    p.killAfter(1);
                }, SUPPRESS_CLOSE, WRONG_CODE_FAILS));
        out.add(scripted("7.1.6", "Send 256K message followed by close then a ping",
                "Case outcome depends on implementation defined close behavior. Message and close frame are sent "
                        + "back to back. If the close frame is processed before the text message write is complete "
                        + "(as can happen in asynchronous processing models) the close frame is processed first and "
                        + "the text message may not be received or may only be partially recieved.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK, Observed.text("Hello World!"));
                    c.expectEvents(Verdict.NON_STRICT);
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendFrame(OutFrame.of(1).payload(repeat("BAsd7&jh23", 256 * 1024)));
                    p.sendFrame(OutFrame.of(1).payload("Hello World!"));
                    p.sendClose(1000, null);
                    p.sendFrame(OutFrame.of(9));
                    p.killAfter(1);
                }, SUPPRESS_CLOSE, INFORMATIONAL));
        out.add(closeFrame("7.3.1", "Send a close frame with payload length 0 (no close code, no close reason)",
                "Clean close with normal code.", null, null, ExpectedClose.fuzzerCloses(1000)));
        out.add(closeFrame("7.3.2", "Send a close frame with payload length 1",
                "Clean close with protocol error or drop TCP.", null, utf8("a"), fuzzerClosesDirty(1002)));
        out.add(scripted("7.3.3", "Send a close frame with payload length 2 (regular close with a code)",
                "Clean close with normal code.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendClose(1000, null);
                    p.killAfter(1);
                }, SUPPRESS_CLOSE, WRONG_CODE_FAILS));
        out.add(scripted("7.3.4", "Send a close frame with close code and close reason",
                "Clean close with normal code.", 1, (c, p) -> {
                    c.expectEvents(Verdict.OK);
                    c.expectClose(ExpectedClose.fuzzerCloses(1000));
                    p.sendClose(1000, "Hello World!");
                    p.killAfter(1);
                }, SUPPRESS_CLOSE, WRONG_CODE_FAILS));
        out.add(closeFrame("7.3.5", "Send a close frame with close code and close reason of maximum length (123)",
                "Clean close with normal code.", 1000, fill('*', 123), ExpectedClose.fuzzerCloses(1000)));
        out.add(closeFrame("7.3.6", "Send a close frame with close code and close reason which is too long (124) - "
                + "total frame payload 126 octets", "Clean close with protocol error code or dropped TCP connection.",
                1000, fill('*', 124), fuzzerClosesDirty(1002)));
        out.add(closeFrame("7.5.1", "Send a close frame with invalid UTF8 payload",
                "Clean close with protocol error or invalid utf8 code or dropped TCP.", 1000,
                hex("cebae1bdb9cf83cebcceb5eda080656469746564"), fuzzerClosesDirty(1002, 1007)));
        for (int i = 0; i < VALID_CODES.length; i++) {
            int code = VALID_CODES[i];
            out.add(scripted("7.7." + (i + 1), "Send close with valid close code " + code,
                    "Clean close with normal or echoed code", 1, (c, p) -> {
                        c.expectEvents(Verdict.OK);
                        c.expectClose(ExpectedClose.fuzzerCloses(1000, code));
                        p.sendCloseFrame(code, null);
                        p.killAfter(1);
                    }, WRONG_CODE_FAILS));
        }
        for (int i = 0; i < INVALID_CODES.length; i++) {
            int code = INVALID_CODES[i];
            out.add(scripted("7.9." + (i + 1), "Send close with invalid close code " + code,
                    "Clean close with protocol error code or drop TCP", 1, (c, p) -> {
                        c.expectEvents(Verdict.OK);
                        c.expectClose(fuzzerClosesDirty(1002));
                        p.sendCloseFrame(code, null);
                        p.killAfter(1);
                    }, WRONG_CODE_FAILS));
        }
        out.add(informationalCode("7.13.1", "Send close with close code 5000", 5000));
        out.add(informationalCode("7.13.2", "Send close with close code 65536", 65535));
        return out;
    }

    private static ExpectedClose fuzzerClosesDirty(Integer... codes) {
        return new ExpectedClose(true, List.of(codes), false, false);
    }

    private static CaseDefinition closeThen(String id, String description, String expectation, OutFrame after) {
        return scripted(id, description, expectation, 1, (c, p) -> {
            c.expectEvents(Verdict.OK);
            c.expectClose(ExpectedClose.fuzzerCloses(1000));
            p.sendClose(1000, null);
            p.sendFrame(after);
            p.killAfter(1);
        }, SUPPRESS_CLOSE, WRONG_CODE_FAILS);
    }

    private static CaseDefinition closeFrame(String id, String description, String expectation, Integer code,
                                             byte[] reason, ExpectedClose close) {
        return scripted(id, description, expectation, 1, (c, p) -> {
            c.expectEvents(Verdict.OK);
            c.expectClose(close);
            p.sendCloseFrame(code, reason);
            p.killAfter(1);
        }, SUPPRESS_CLOSE, WRONG_CODE_FAILS);
    }

    private static CaseDefinition informationalCode(String id, String description, int code) {
        return scripted(id, description, "Actual events are undefined by the spec.", 1, (c, p) -> {
            c.expectEvents(Verdict.OK);
            c.expectClose(new ExpectedClose(true, List.of(1000, code, 1002), false, false));
            p.sendCloseFrame(code, null);
            p.killAfter(1);
        }, SUPPRESS_CLOSE, INFORMATIONAL);
    }
}
