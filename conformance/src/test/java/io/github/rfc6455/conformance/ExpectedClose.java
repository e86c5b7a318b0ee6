package io.github.rfc6455.conformance;

import java.util.List;

/**
 * How a case expects the connection to end (the official {@code expectedClose}).
 *
 * @param closedByMe whether the fuzzer is expected to send the first close frame
 * @param codes the acceptable close codes of the peer's close frame (the first is the one the fuzzer sends itself)
 * @param requireClean whether a complete closing handshake is required (RFC 6455 section 7.1.4)
 * @param closedByWrongEndpointIsFatal whether closing by the wrong endpoint fails the case itself (UTF-8 cases: the
 *        peer did not detect the invalid payload at all)
 */
record ExpectedClose(boolean closedByMe, List<Integer> codes, boolean requireClean,
                     boolean closedByWrongEndpointIsFatal) {

    ExpectedClose {
        codes = List.copyOf(codes);
    }

    /** The fuzzer closes, the peer answers with one of {@code codes}, the handshake must be clean. */
    static ExpectedClose fuzzerCloses(Integer... codes) {
        return new ExpectedClose(true, List.of(codes), true, false);
    }

    /** The peer fails the connection with one of {@code codes}; a dropped TCP connection is fine too. */
    static ExpectedClose peerFails(Integer... codes) {
        return new ExpectedClose(false, List.of(codes), false, false);
    }
}
