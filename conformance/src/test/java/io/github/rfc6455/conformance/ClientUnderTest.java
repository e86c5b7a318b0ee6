package io.github.rfc6455.conformance;

import java.net.URI;
import java.time.Duration;

/**
 * A WebSocket client driver the kit tests (what the official fuzzing server expects): it reads the case count from
 * {@code URL/getCaseCount}, opens {@code URL/runCase?case=N&agent=A} for each case and echoes every message back, then
 * opens {@code URL/updateReports?agent=A}.
 */
interface ClientUnderTest {

    /** The agent name for reports. */
    String name();

    /**
     * Runs the driver for cases {@code from} to {@code to} (1-based, inclusive) and returns when it is done.
     *
     * @param url the fuzzing server, e.g. {@code ws://127.0.0.1:PORT}
     * @param timeout how long the run may take at most; the driver is stopped after that
     * @throws Exception when the driver fails or times out
     */
    void run(URI url, String agent, int from, int to, Duration timeout) throws Exception;
}
