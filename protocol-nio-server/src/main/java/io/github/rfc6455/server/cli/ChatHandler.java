package io.github.rfc6455.server.cli;

import io.github.rfc6455.server.Session;
import io.github.rfc6455.server.WebSocketHandler;
import io.github.rfc6455.server.WebSocketServer;
import java.nio.ByteBuffer;

/**
 * Qt's chat-server example: greets each new client with {@value #WELCOME}, and sends every text or binary message to
 * its sender and every other open client, encoded once for all of them.
 *
 * <p>Stateless and thread-safe.
 */
final class ChatHandler implements WebSocketHandler {
    /** The greeting of every new connection. */
    static final String WELCOME = "Welcome to Awesome Chat";

    @Override
    public void onOpen(Session session) {
        session.sendText(WELCOME);
    }

    @Override
    public void onText(Session session, String text) {
        WebSocketServer server = session.server();
        server.broadcast(server.prepareText(text));
    }

    @Override
    public void onBinary(Session session, ByteBuffer data) {
        WebSocketServer server = session.server();
        server.broadcast(server.prepareBinary(data));
    }
}
