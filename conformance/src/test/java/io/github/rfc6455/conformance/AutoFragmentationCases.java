package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.fill;

import java.util.List;

/** Section 10, Misc: a 64 KiB text message auto-fragmented into frames of 1300 octets (RFC 6455 section 5.4). */
final class AutoFragmentationCases {

    private AutoFragmentationCases() {
    }

    static List<CaseDefinition> all() {
        return List.of(new CaseDefinition("10.1.1", "Send text message with payload of length 65536 auto-fragmented "
                + "with autoFragmentSize = 1300.", "Receive echo'ed text message (with payload as sent and "
                + "transmitted frame counts as expected). Clean close with normal code.", 10, full -> new Case()));
    }

    /** The case itself: the echo, plus the official check of the frames the fuzzer sent (1 text, 50 continuation). */
    private static final class Case extends TestCase {

        private static final int SIZE = 65536;
        private static final int FRAGMENT = 1300;

        @Override
        protected void start() {
            byte[] payload = fill('*', SIZE);
            p.setAutoFragmentSize(FRAGMENT);
            expect(Verdict.OK, Observed.message(payload, false));
            expectedClose = ExpectedClose.fuzzerCloses(1000);
            p.sendMessage(payload, false);
            p.killAfter(10);
        }

        @Override
        protected void afterJudged(ConnectionFacts facts) {
            if (!facts.wasOpen()) {
                behavior = Verdict.FAILED;
                result = "WebSocket connection was never open";
                return;
            }
            int continuations = SIZE / FRAGMENT;
            int texts = SIZE % FRAGMENT > 0 ? 1 : 0;
            if (facts.continuationFramesSent() != continuations || facts.textFramesSent() != texts) {
                behavior = Verdict.FAILED;
                result = "Frames transmitted {0: " + facts.continuationFramesSent() + ", 1: "
                        + facts.textFramesSent() + "} does not match what we expected {0: " + continuations + ", 1: "
                        + texts + "}.";
            }
        }
    }
}
