package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official verdict rules of {@link TestCase}, without sockets. */
class VerdictLogicTest {

    private static ScriptedCase echoCase(ScriptedCase.Option... options) {
        EnumSet<ScriptedCase.Option> set = EnumSet.noneOf(ScriptedCase.Option.class);
        set.addAll(List.of(options));
        return new ScriptedCase((c, p) -> {
            c.expectEvents(Verdict.OK, Observed.text("a"));
            c.expectClose(ExpectedClose.fuzzerCloses(1000));
        }, set);
    }

    private static ScriptedCase started(ScriptedCase c, RecordingFuzzer f) {
        c.onOpen(f);
        return c;
    }

    @Test
    void matchingEventsAndACleanCloseByTheFuzzerAreOk() {
        RecordingFuzzer f = new RecordingFuzzer(false);
        ScriptedCase c = started(echoCase(), f);
        c.onMessage(Cases.utf8("a"), false);
        assertEquals(List.of("close 1000"), f.calls, "the fuzzer closes once the record matches");
        c.onConnectionLost(RecordingFuzzer.facts(true, true, 1000, false, false));
        assertEquals(Verdict.OK, c.behavior());
        assertEquals(CloseBehavior.OK, c.behaviorClose());
        assertEquals(Verdict.OK, c.verdict());
    }

    @Test
    void differentEventsFail() {
        ScriptedCase c = started(echoCase(), new RecordingFuzzer(false));
        c.onMessage(Cases.utf8("b"), false);
        c.onConnectionLost(RecordingFuzzer.facts(true, true, 1000, false, false));
        assertEquals(Verdict.FAILED, c.behavior());
        assertEquals(Verdict.FAILED, c.verdict());
    }

    @Test
    void closeFrameFromTheWrongEndpointFails() {
        ScriptedCase c = started(echoCase(), new RecordingFuzzer(false));
        c.onMessage(Cases.utf8("a"), false);
        c.onConnectionLost(RecordingFuzzer.facts(false, true, 1000, false, false));
        assertEquals(Verdict.OK, c.behavior());
        assertEquals(CloseBehavior.FAILED, c.behaviorClose());
        assertEquals(Verdict.FAILED, c.verdict());
    }

    @Test
    void missingClosingHandshakeIsUncleanAndFails() {
        ScriptedCase c = started(echoCase(), new RecordingFuzzer(false));
        c.onMessage(Cases.utf8("a"), false);
        c.onConnectionLost(RecordingFuzzer.facts(true, false, null, true, false));
        assertEquals(CloseBehavior.UNCLEAN, c.behaviorClose());
        assertEquals(Verdict.FAILED, c.verdict());
    }

    @Test
    void wrongCloseCodeIsNonStrictExceptWhereTheCaseSaysItFails() {
        ScriptedCase lenient = started(echoCase(), new RecordingFuzzer(false));
        lenient.onMessage(Cases.utf8("a"), false);
        lenient.onConnectionLost(RecordingFuzzer.facts(true, true, 1001, false, false));
        assertEquals(CloseBehavior.WRONG_CODE, lenient.behaviorClose());
        assertEquals(Verdict.NON_STRICT, lenient.verdict());

        ScriptedCase strict = started(echoCase(ScriptedCase.Option.WRONG_CODE_FAILS), new RecordingFuzzer(false));
        strict.onMessage(Cases.utf8("a"), false);
        strict.onConnectionLost(RecordingFuzzer.facts(true, true, 1001, false, false));
        assertEquals(Verdict.FAILED, strict.behavior());
        assertEquals(Verdict.FAILED, strict.verdict());
    }

    @Test
    void aFuzzingClientThatHadToDropTcpMakesTheCaseNonStrictButAFuzzingServerMayDrop() {
        ScriptedCase asClient = started(echoCase(), new RecordingFuzzer(false));
        asClient.onMessage(Cases.utf8("a"), false);
        asClient.onConnectionLost(RecordingFuzzer.facts(true, true, 1000, true, false));
        assertEquals(CloseBehavior.FAILED_BY_CLIENT, asClient.behaviorClose());
        assertEquals(Verdict.NON_STRICT, asClient.verdict());

        ScriptedCase asServer = started(echoCase(), new RecordingFuzzer(true));
        asServer.onMessage(Cases.utf8("a"), false);
        asServer.onConnectionLost(RecordingFuzzer.facts(true, true, 1000, true, true));
        assertEquals(CloseBehavior.OK, asServer.behaviorClose());
        assertEquals(Verdict.OK, asServer.verdict());
    }

    @Test
    void theSecondExpectationGivesNonStrictAndTheFuzzerDoesNotCloseOnAPartialMatch() {
        RecordingFuzzer f = new RecordingFuzzer(false);
        ScriptedCase c = started(new ScriptedCase((s, p) -> {
            s.expectEvents(Verdict.OK, Observed.text("a"));
            s.expectEvents(Verdict.NON_STRICT);
            s.expectClose(ExpectedClose.peerFails(1002));
        }, EnumSet.noneOf(ScriptedCase.Option.class)), f);
        c.onConnectionLost(RecordingFuzzer.facts(false, false, 1002, false, false));
        assertTrue(f.calls.isEmpty(), "nothing to close: the peer is expected to fail the connection");
        assertEquals(Verdict.NON_STRICT, c.behavior());
        assertEquals(Verdict.NON_STRICT, c.verdict());
    }

    @Test
    void utf8CasesFailWhenTheFuzzerHadToCloseBecauseThePeerEchoedInvalidText() {
        TestCase c = CaseCatalog.get().cases().stream().filter(d -> d.id().equals("6.3.1")).findFirst()
                .orElseThrow().factory().create(false);
        c.onOpen(new RecordingFuzzer(false));
        c.onConnectionLost(RecordingFuzzer.facts(true, true, 1000, false, false));
        assertEquals(Verdict.FAILED, c.behavior(), "closedByWrongEndpointIsFatal");
        assertEquals(Verdict.FAILED, c.verdict());
    }

    @Test
    void informationalCasesAreInformationalOnlyWhenTheConnectionOpened() {
        CaseDefinition def = CaseCatalog.get().cases().stream().filter(d -> d.id().equals("7.13.1")).findFirst()
                .orElseThrow();
        TestCase opened = def.factory().create(false);
        opened.onOpen(new RecordingFuzzer(false));
        opened.onConnectionLost(RecordingFuzzer.facts(true, false, null, true, false));
        assertEquals(Verdict.INFORMATIONAL, opened.verdict());

        TestCase never = def.factory().create(false);
        never.onConnectionLost(CaseRun.neverOpened(false, "connection refused"));
        assertEquals(Verdict.FAILED, never.verdict());
        assertEquals(CloseBehavior.FAILED, never.behaviorClose());
    }

    @Test
    void failFastCaseRecordsTimeoutsOnlyWhileOpenAndSendsTheOfficialParts() {
        CaseDefinition def = CaseCatalog.get().cases().stream().filter(d -> d.id().equals("6.4.3")).findFirst()
                .orElseThrow();
        RecordingFuzzer f = new RecordingFuzzer(false);
        TestCase c = def.factory().create(false);
        c.onOpen(f);
        assertEquals(List.of("beginMessage", "beginMessageFrame 21", "data cebae1bdb9cf83cebcceb5"), f.calls);
        f.runNextContinuation();
        assertEquals("data f4908080", f.calls.get(3));
        f.open = false; // the peer failed fast after part 2
        f.runNextContinuation();
        assertEquals(4, f.calls.size(), "part 3 is not sent once the connection is closing");
        c.onConnectionLost(RecordingFuzzer.facts(false, true, 1007, false, false));
        assertEquals(Verdict.OK, c.verdict());
    }
}
