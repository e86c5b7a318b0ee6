package io.github.rfc6455.core;

import io.github.rfc6455.core.frame.Hex;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HttpRequestHead;
import io.github.rfc6455.core.handshake.UpgradeRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** An {@link EngineListener} that logs every event as a line of text, in order. */
class EngineEvents implements EngineListener {
    final List<String> log = new ArrayList<>();
    final List<String> failureMessages = new ArrayList<>();
    /** What to do with an upgrade request; null: accept at once, as the default listener does. */
    BiConsumer<WebSocketEngine, UpgradeRequest> onUpgrade;
    /** What to do with a plain HTTP request; null: the default (reject). */
    BiConsumer<WebSocketEngine, HttpRequestHead> onHttp;
    WebSocketEngine pendingEngine;
    UpgradeRequest pendingRequest;

    @Override
    public void onUpgradeRequest(WebSocketEngine engine, UpgradeRequest request) {
        log.add("upgrade " + request.path());
        if (onUpgrade == null) {
            EngineListener.super.onUpgradeRequest(engine, request);
        } else {
            onUpgrade.accept(engine, request);
        }
    }

    /** Makes upgrade requests wait: they are kept for the test to answer later. */
    EngineEvents holdUpgrades() {
        onUpgrade = (engine, request) -> {
            pendingEngine = engine;
            pendingRequest = request;
        };
        return this;
    }

    @Override
    public void onHttpRequest(WebSocketEngine engine, HttpRequestHead request) {
        log.add("http " + request.method() + " " + request.target());
        if (onHttp == null) {
            EngineListener.super.onHttpRequest(engine, request);
        } else {
            onHttp.accept(engine, request);
        }
    }

    @Override
    public void onOpen() {
        log.add("open");
    }

    @Override
    public void onHandshakeFailure(HandshakeException failure) {
        log.add("handshake failure " + failure.status());
        failureMessages.add(failure.getMessage());
    }

    @Override
    public void onText(String text) {
        log.add("text " + text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
        log.add("binary " + Hex.of(Hex.remaining(data)));
    }

    @Override
    public void onFragment(boolean text, ByteBuffer data, boolean last) {
        log.add("fragment " + (text ? "text " : "binary ") + Hex.of(Hex.remaining(data)) + (last ? " last" : ""));
    }

    @Override
    public void onPing(ByteBuffer payload) {
        log.add("ping " + Hex.of(Hex.remaining(payload)));
    }

    @Override
    public void onPong(ByteBuffer payload) {
        log.add("pong " + Hex.of(Hex.remaining(payload)));
    }

    @Override
    public void onCloseReceived(int code, String reason) {
        log.add("close received " + code + " " + reason);
    }

    @Override
    public void onFailure(int closeCode, String message) {
        log.add("failure " + closeCode);
        failureMessages.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean closedByPeer) {
        log.add("closed " + code + (closedByPeer ? " by peer" : ""));
    }

    /** @return the log, and clears it */
    List<String> take() {
        List<String> copy = List.copyOf(log);
        log.clear();
        return copy;
    }
}
