package io.github.rfc6455.conformance;

/**
 * What happened to a connection, as the official fuzzer tracks it (autobahn's {@code WebSocketProtocol} flags).
 *
 * @param wasOpen whether the opening handshake completed
 * @param fuzzerIsServer whether the kit played the server (client tests)
 * @param closedByMe whether the fuzzer sent the first close frame
 * @param failedByMe whether the fuzzer failed the connection (protocol violation of the peer, or a case timeout)
 * @param droppedByMe whether the fuzzer closed the TCP connection
 * @param wasClean whether the closing handshake completed (close sent and received) and TCP was closed by the right end
 * @param wasNotCleanReason why the connection was not clean, or {@code null}
 * @param localCloseCode the close code the fuzzer sent, or {@code null}
 * @param remoteCloseCode the close code the peer sent, or {@code null}
 * @param remoteCloseReason the close reason the peer sent, or {@code null}
 * @param textFramesSent data frames with opcode 1 the fuzzer sent
 * @param continuationFramesSent data frames with opcode 0 the fuzzer sent
 */
record ConnectionFacts(boolean wasOpen, boolean fuzzerIsServer, boolean closedByMe, boolean failedByMe,
                       boolean droppedByMe, boolean wasClean, String wasNotCleanReason, Integer localCloseCode,
                       Integer remoteCloseCode, String remoteCloseReason, int textFramesSent,
                       int continuationFramesSent) {
}
