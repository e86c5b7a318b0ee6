package io.github.rfc6455.conformance;

import java.util.List;

/** The behaviour played on one connection: a test case, or one of the fuzzing server's control endpoints. */
interface SessionScript {

    /** The permessage-deflate offers the kit sends when it is the client (none by default). */
    default List<DeflateOffer> deflateOffers() {
        return List.of();
    }

    /** How the kit answers offers when it is the server, or {@code null} to decline them all. */
    default DeflateAccept deflateAccept() {
        return null;
    }

    /** The connection is open. */
    void onOpen(Fuzzer fuzzer);

    /** A complete message arrived (not delivered once the kit failed the connection). */
    default void onMessage(byte[] payload, boolean binary) {
    }

    /** A pong arrived. */
    default void onPong(byte[] payload) {
    }

    /** The TCP connection is gone. */
    default void onConnectionLost(ConnectionFacts facts) {
    }
}
