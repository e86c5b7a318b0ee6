package io.github.rfc6455.conformance;

import java.net.URI;

/**
 * A WebSocket echo server the kit tests (the official fuzzing client's target): it must send every text and binary
 * message back unchanged.
 */
interface ServerUnderTest {

    /** The agent name for reports. */
    String name();

    /** Starts the server on a free loopback port and returns its {@code ws://127.0.0.1:PORT/} URI. */
    URI start() throws Exception;

    /** Stops the server and releases everything it holds. */
    void stop() throws Exception;
}
