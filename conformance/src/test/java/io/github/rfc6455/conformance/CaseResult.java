package io.github.rfc6455.conformance;

import java.util.List;

/**
 * The recorded outcome of one case.
 *
 * @param index the case number (1-based position in the official order, as in {@code /runCase?case=N})
 * @param id the case id, e.g. {@code "6.4.1"}
 * @param description what the case sends
 * @param expectation what the case expects
 * @param verdict the combined verdict (see {@link TestCase#verdict()})
 * @param behavior the official {@code behavior} (traffic)
 * @param behaviorClose the official {@code behaviorClose} (closing)
 * @param result the explanation of {@code behavior}
 * @param resultClose the explanation of {@code behaviorClose}
 * @param remoteCloseCode the peer's close code, or {@code null}
 * @param durationMs time from the open handshake to the end of the TCP connection
 * @param reportTime whether the duration is a measurement (9.x, 12.x, 13.x)
 * @param reduced whether the case ran with reduced repetitions (see {@link KitOptions#full()})
 * @param notes free text: reductions, kit remarks
 * @param expected the expected events per verdict, for the report
 * @param received the observed events, for the report
 * @param facts the connection facts
 */
record CaseResult(int index, String id, String description, String expectation, Verdict verdict, Verdict behavior,
                  CloseBehavior behaviorClose, String result, String resultClose, Integer remoteCloseCode,
                  long durationMs, boolean reportTime, boolean reduced, String notes, List<String> expected,
                  List<String> received, ConnectionFacts facts) {

    CaseResult {
        expected = List.copyOf(expected);
        received = List.copyOf(received);
    }

    /** The section number, e.g. 6 for {@code "6.4.1"}. */
    int section() {
        return Integer.parseInt(id.substring(0, id.indexOf('.')));
    }
}
