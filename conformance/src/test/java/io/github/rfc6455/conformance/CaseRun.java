package io.github.rfc6455.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a finished (or never started) case run into its {@link CaseResult}.
 *
 * <p>Stateless; thread-safe.
 */
final class CaseRun {

    private CaseRun() {
    }

    static CaseResult result(int index, CaseDefinition definition, TestCase run, ConnectionFacts facts,
                             long durationMs, List<String> sessionNotes) {
        List<String> notes = new ArrayList<>(run.notes());
        sessionNotes.stream().limit(5).forEach(notes::add);
        if (facts.wasNotCleanReason() != null && !facts.wasClean()) {
            notes.add("not clean: " + facts.wasNotCleanReason());
        }
        return new CaseResult(index, definition.id(), definition.description(), definition.expectation(),
                run.verdict(), run.behavior(), run.behaviorClose(), run.result(), run.resultClose(),
                facts.remoteCloseCode(), durationMs, run.reportTime(), run.reduced(), String.join("; ", notes),
                run.expectedForReport(), run.receivedForReport(), facts);
    }

    /** The facts of a connection that never opened (connect or handshake failure). */
    static ConnectionFacts neverOpened(boolean fuzzerIsServer, String reason) {
        return new ConnectionFacts(false, fuzzerIsServer, false, false, true, false, reason, null, null, null, 0, 0);
    }

    /** A result for a case that could not be run at all. */
    static CaseResult failed(int index, CaseDefinition definition, boolean full, boolean fuzzerIsServer,
                             String reason) {
        TestCase run = definition.factory().create(full);
        ConnectionFacts facts = neverOpened(fuzzerIsServer, reason);
        run.onConnectionLost(facts);
        return result(index, definition, run, facts, 0, List.of(reason));
    }
}
