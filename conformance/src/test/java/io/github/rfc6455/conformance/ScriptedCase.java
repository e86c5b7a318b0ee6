package io.github.rfc6455.conformance;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A case whose opening traffic is a small script (most cases of sections 1 to 7).
 *
 * <p>Not thread-safe (see {@link TestCase}).
 */
final class ScriptedCase extends TestCase {

    /** Official per-case rule variations. */
    enum Option {
        /** The case sends its own close frames; do not close automatically when the record matches. */
        SUPPRESS_CLOSE,
        /** A wrong close code fails the case itself (the section 7 cases). */
        WRONG_CODE_FAILS,
        /** Informational case: any outcome is reported, none fails. */
        INFORMATIONAL
    }

    private final BiConsumer<ScriptedCase, Fuzzer> script;
    private final Set<Option> options;

    ScriptedCase(BiConsumer<ScriptedCase, Fuzzer> script, Set<Option> options) {
        this.script = script;
        this.options = Set.copyOf(options);
        this.suppressClose = options.contains(Option.SUPPRESS_CLOSE);
    }

    @Override
    protected void start() {
        script.accept(this, p);
    }

    /** Lets scripts set the expectation. */
    void expectEvents(Verdict verdict, Observed... events) {
        expect(verdict, events);
    }

    /** Lets scripts set how the connection should end. */
    void expectClose(ExpectedClose close) {
        expectedClose = close;
    }

    /** Lets scripts record a timeout tag (fail-fast cases). */
    void recordTimeout(String tag) {
        received.add(Observed.timeout(tag));
    }

    @Override
    protected void afterJudged(ConnectionFacts facts) {
        if (options.contains(Option.WRONG_CODE_FAILS) && behaviorClose == CloseBehavior.WRONG_CODE) {
            behavior = Verdict.FAILED;
            result = resultClose;
        }
        if (options.contains(Option.INFORMATIONAL)) {
            if (behavior == Verdict.OK) {
                result = "Informational: the peer's events matched the first expectation.";
            } else if (behavior == Verdict.NON_STRICT) {
                result = "Informational: the peer's events matched the second expectation.";
            } else {
                result = "Informational: actual events are undefined by the spec.";
            }
            behavior = Verdict.INFORMATIONAL;
            behaviorClose = CloseBehavior.INFORMATIONAL;
        }
    }
}
