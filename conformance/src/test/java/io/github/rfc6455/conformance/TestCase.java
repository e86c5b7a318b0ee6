package io.github.rfc6455.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of one case: the traffic it plays and the official verdict rules (autobahntestsuite {@code case/case.py}).
 *
 * <p>The case records what it observes (messages, pongs, its own timeout tags); when the TCP connection is gone it
 * compares the record with each expected list ({@code behavior}) and checks the closing ({@code behaviorClose}):
 * who sent the first close frame, whether the closing handshake was clean when required, whether the peer's close
 * code is acceptable, and whether the fuzzing client had to drop TCP itself.
 *
 * <p>Not thread-safe: confined to its connection's reactor thread, read by the runner after the connection ended.
 */
abstract class TestCase implements SessionScript {

    protected Fuzzer p;
    protected final List<Observed> received = new ArrayList<>();
    protected final Map<Verdict, List<Observed>> expected = new LinkedHashMap<>();
    protected ExpectedClose expectedClose = ExpectedClose.fuzzerCloses(1000);
    protected Verdict behavior = Verdict.FAILED;
    protected CloseBehavior behaviorClose = CloseBehavior.FAILED;
    protected String result = "Actual events differ from any expected.";
    protected String resultClose = "TCP connection was dropped without close handshake";
    /** Set by cases that send their own (possibly invalid) close frames. */
    protected boolean suppressClose;
    private final List<String> notes = new ArrayList<>();
    private boolean reduced;

    @Override
    public final void onOpen(Fuzzer fuzzer) {
        this.p = fuzzer;
        start();
    }

    /** Plays the case's opening traffic; {@link #p} is set. */
    protected abstract void start();

    @Override
    public void onMessage(byte[] payload, boolean binary) {
        received.add(Observed.message(payload, binary));
        finishWhenDone();
    }

    @Override
    public void onPong(byte[] payload) {
        received.add(Observed.pong(payload));
        finishWhenDone();
    }

    /** Sets the expected events for a verdict. */
    protected final void expect(Verdict verdict, Observed... events) {
        expected.put(verdict, List.of(events));
    }

    /**
     * Once the record matches every expected list, start the closing handshake when the fuzzer is expected to close
     * (the official {@code finishWhenDone}).
     */
    protected void finishWhenDone() {
        for (List<Observed> e : expected.values()) {
            if (!e.equals(received)) {
                return;
            }
        }
        if (expectedClose.closedByMe() && !suppressClose) {
            p.sendClose(expectedClose.codes().get(0), null);
        }
    }

    @Override
    public final void onConnectionLost(ConnectionFacts facts) {
        judge(facts);
        if (facts.wasOpen()) {
            afterJudged(facts);
        } else {
            behavior = Verdict.FAILED;
            result = "The WebSocket opening handshake was never completed: " + facts.wasNotCleanReason();
        }
    }

    /** The official verdict rules. */
    private void judge(ConnectionFacts f) {
        for (Map.Entry<Verdict, List<Observed>> e : expected.entrySet()) {
            if (e.getValue().equals(received)) {
                behavior = e.getKey();
                result = "Actual events match at least one expected.";
                break;
            }
        }
        if (!f.wasOpen()) {
            behaviorClose = CloseBehavior.FAILED;
            resultClose = "The WebSocket opening handshake was never completed!";
            return;
        }
        if (expectedClose.closedByMe() != f.closedByMe()) {
            behaviorClose = CloseBehavior.FAILED;
            resultClose = "The connection was failed by the wrong endpoint";
        } else if (expectedClose.requireClean() && !f.wasClean()) {
            behaviorClose = CloseBehavior.UNCLEAN;
            resultClose = "The spec requires the connection to be failed cleanly here";
        } else if (f.remoteCloseCode() != null && !expectedClose.codes().contains(f.remoteCloseCode())) {
            behaviorClose = CloseBehavior.WRONG_CODE;
            resultClose = "The close code should have been " + expectedClose.codes().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + " or empty";
        } else if (!f.fuzzerIsServer() && f.droppedByMe()) {
            behaviorClose = CloseBehavior.FAILED_BY_CLIENT;
            resultClose = "It is preferred that the server close the TCP connection";
        } else {
            behaviorClose = CloseBehavior.OK;
            resultClose = "Connection was properly closed";
        }
        if (expectedClose.closedByWrongEndpointIsFatal() && expectedClose.closedByMe() != f.closedByMe()) {
            behavior = Verdict.FAILED;
        }
    }

    /** Case-specific rules applied after the official ones (overridden by some cases). */
    protected void afterJudged(ConnectionFacts facts) {
    }

    /**
     * The kit's single verdict: {@code behavior}, capped by {@code behaviorClose} (a close column of UNCLEAN or FAILED
     * fails the case; WRONG CODE or FAILED BY CLIENT make it at most NON-STRICT). INFORMATIONAL and UNIMPLEMENTED
     * cases keep their verdict whatever the close column says.
     */
    Verdict verdict() {
        if (behavior == Verdict.INFORMATIONAL || behavior == Verdict.UNIMPLEMENTED || behavior == Verdict.FAILED) {
            return behavior;
        }
        Verdict ceiling = behaviorClose.ceiling();
        if (ceiling == Verdict.FAILED) {
            return Verdict.FAILED;
        }
        if (ceiling == Verdict.NON_STRICT) {
            return Verdict.NON_STRICT;
        }
        return behavior;
    }

    /** Whether the duration is a measurement worth reporting (performance and compression cases). */
    boolean reportTime() {
        return false;
    }

    /** Adds a remark for the report. */
    protected final void note(String text) {
        notes.add(text);
    }

    /** Marks the run as reduced (fewer repetitions than the official case). */
    protected final void markReduced(String text) {
        reduced = true;
        notes.add(text);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    boolean reduced() {
        return reduced;
    }

    Verdict behavior() {
        return behavior;
    }

    CloseBehavior behaviorClose() {
        return behaviorClose;
    }

    String result() {
        return result;
    }

    String resultClose() {
        return resultClose;
    }

    List<String> expectedForReport() {
        List<String> out = new ArrayList<>();
        expected.forEach((k, v) -> out.add(k.label() + ": " + v));
        return out;
    }

    List<String> receivedForReport() {
        return received.stream().map(Observed::toString).collect(Collectors.toList());
    }
}
