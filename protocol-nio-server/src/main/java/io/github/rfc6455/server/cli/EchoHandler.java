package io.github.rfc6455.server.cli;

import io.github.rfc6455.server.Session;
import io.github.rfc6455.server.WebSocketHandler;
import java.nio.ByteBuffer;

/**
 * Qt's echo-server example: every text and binary message goes back to its sender, unchanged. It is also the
 * Autobahn testsuite's fuzzingclient testee.
 *
 * <p>Stateless and thread-safe.
 */
final class EchoHandler implements WebSocketHandler {
    @Override
    public void onText(Session session, String text) {
        session.sendText(text);
    }

    @Override
    public void onBinary(Session session, ByteBuffer data) {
        session.sendBinary(data);
    }
}
