package io.github.rfc6455.server;

import io.github.rfc6455.core.SendFuture;
import io.github.rfc6455.core.ConnectionState;
import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.PreparedMessage;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HttpHeaders;
import io.github.rfc6455.core.handshake.HttpRequestHead;
import io.github.rfc6455.core.handshake.ServerHandshake;
import io.github.rfc6455.core.handshake.UpgradeRequest;
import io.github.rfc6455.nio.Connection;
import io.github.rfc6455.nio.TransportListener;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * One accepted connection, from its first byte to its release: it decides the opening handshake with the server's
 * {@link HandshakePolicy}, then is the application's {@link Session} and relays the engine's events to the route's
 * {@link WebSocketHandler}. One object plays the engine listener, the transport listener and the session, so an idle
 * connection costs few objects.
 *
 * <p>Thread-safety: the {@link Session} methods may be called from any thread; the listener methods run on the
 * connection's event loop.
 */
final class ServerSession implements Session, EngineListener, TransportListener {
    private static final System.Logger LOG = System.getLogger(ServerSession.class.getName());

    private final WebSocketServer server;
    private final InetSocketAddress remote;
    private Connection connection;
    private WebSocketHandler handler;
    private String path;
    private String query;
    /** The whole upgrade request, when the server retains requests; else null (an idle session stays small). */
    private HandshakeRequest request;
    private volatile Map<String, Object> attributes;
    /** Counted against the connection limit; released exactly once. Loop thread only. */
    private boolean reserved;
    /** onOpen was reported. Loop thread only. */
    private boolean opened;
    /** A request arrived or a failure was reported: the connection did not just vanish. Loop thread only. */
    private boolean answered;

    ServerSession(WebSocketServer server, InetSocketAddress remote) {
        this.server = server;
        this.remote = remote;
    }

    void bind(Connection transport) {
        this.connection = transport;
    }

    private WebSocketEngine engine() {
        return connection.engine();
    }

    /** Shutdown: an open session starts the closing handshake with 1001, any other connection is dropped. */
    void goAway() {
        connection.loop().execute(() -> {
            WebSocketEngine engine = engine();
            ConnectionState state = engine.state();
            if (state == ConnectionState.OPEN) {
                engine.close(CloseCodes.GOING_AWAY, "server shutting down");
            } else if (state == ConnectionState.CONNECTING) {
                connection.close();
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ handshake

    @Override
    public void onUpgradeRequest(WebSocketEngine e, UpgradeRequest upgrade) {
        answered = true;
        HandshakePolicy policy = server.policy();
        if (!server.isRunning()) {
            refuse(503, "the server is shutting down");
            return;
        }
        HandshakePolicy.Route route = policy.route(upgrade.path());
        if (route == null) {
            refuse(404, "no WebSocket endpoint at " + upgrade.path());
            return;
        }
        if (!policy.originAllowed(upgrade.origin())) {
            refuse(403, "origin not allowed: " + upgrade.origin());
            return;
        }
        if (!server.reserve()) {
            refuse(503, "too many connections");
            return;
        }
        reserved = true;
        HandshakeRequest candidate = new HandshakeRequest(route.path(), upgrade.query(), upgrade.headers(),
                upgrade.origin(), upgrade.subprotocols(), remote, connection.secure());
        HandshakeFilter.Rejection rejection;
        try {
            rejection = policy.filter(candidate);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "the handshake filter failed", ex);
            rejection = new HandshakeFilter.Rejection(500, "internal error");
        }
        if (rejection != null) {
            release();
            refuse(rejection.status(), rejection.reason());
            return;
        }
        path = candidate.path();
        query = candidate.query();
        request = server.retainsRequests() ? candidate : null;
        handler = route.handler();
        e.accept(policy.chooseSubprotocol(upgrade.subprotocols()), null); // reports onOpen before it returns
    }

    @Override
    public void onHttpRequest(WebSocketEngine e, HttpRequestHead head) {
        answered = true;
        HandshakePolicy policy = server.policy();
        String target = head.path();
        HttpResource resource = policy.resource(target);
        if (resource != null) {
            ByteBuffer response = resource.response(head.method());
            if (response != null) {
                e.respond(response);
            } else {
                e.respond(ServerHandshake.reject(405,
                        "method " + head.method() + " not allowed", HttpHeaders.of("Allow", "GET, HEAD")));
            }
        } else if (policy.route(target) == null) {
            refuse(404, "nothing at " + target);
        } else {
            EngineListener.super.onHttpRequest(e, head); // a WebSocket endpoint: 400 or 426 naming what is missing
        }
    }

    private void refuse(int status, String reason) {
        engine().reject(status, reason);
        server.report(new ServerError(ServerError.Kind.REJECTED, remote, status, reason, null));
    }

    @Override
    public void onHandshakeFailure(HandshakeException failure) {
        answered = true;
        server.report(new ServerError(ServerError.Kind.HANDSHAKE, remote, failure.status(), failure.getMessage(),
                failure));
    }

    // ------------------------------------------------------------------------------------------------ events

    @Override
    public void onOpen() {
        opened = true;
        server.sessionOpened();
        try {
            handler.onOpen(this);
        } catch (RuntimeException ex) {
            handlerFailed("onOpen", ex);
        }
        server.announce(this);
    }

    @Override
    public void onText(String text) {
        try {
            handler.onText(this, text);
        } catch (RuntimeException ex) {
            handlerFailed("onText", ex);
        }
    }

    @Override
    public void onBinary(ByteBuffer data) {
        try {
            handler.onBinary(this, data);
        } catch (RuntimeException ex) {
            handlerFailed("onBinary", ex);
        }
    }

    @Override
    public void onPing(ByteBuffer payload) {
        try {
            handler.onPing(this, payload);
        } catch (RuntimeException ex) {
            handlerFailed("onPing", ex);
        }
    }

    @Override
    public void onPong(ByteBuffer payload) {
        try {
            handler.onPong(this, payload);
        } catch (RuntimeException ex) {
            handlerFailed("onPong", ex);
        }
    }

    @Override
    public void onFailure(int closeCode, String message) {
        if (opened) {
            error(new WebSocketException(closeCode, message, null));
        }
    }

    @Override
    public void onTransportFailure(String reason, Throwable cause) {
        answered = true;
        if (opened) {
            error(new WebSocketException(0, reason, cause));
        } else {
            ServerError.Kind kind = cause instanceof SSLException ? ServerError.Kind.TLS : ServerError.Kind.HANDSHAKE;
            server.report(new ServerError(kind, remote, 0, reason, cause));
        }
    }

    @Override
    public void onClose(int code, String reason, boolean closedByPeer) {
        release();
        server.sessionClosed();
        try {
            handler.onClose(this, code, reason);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "a WebSocket handler failed in onClose", ex);
        }
        attributes = null;
    }

    @Override
    public void onTransportClosed() {
        if (!answered && !server.isStopping()) {
            server.report(new ServerError(ServerError.Kind.HANDSHAKE, remote, 0,
                    "connection closed by the peer before the opening handshake completed", null));
        }
        release();
        server.connectionClosed(this);
    }

    private void release() {
        if (reserved) {
            reserved = false;
            server.unreserve();
        }
    }

    private void handlerFailed(String method, RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "a WebSocket handler failed in " + method, ex);
        error(new WebSocketException(CloseCodes.INTERNAL_ERROR, "the handler failed in " + method + ": " + ex, ex));
        engine().fail(CloseCodes.INTERNAL_ERROR, "internal error");
    }

    private void error(WebSocketException ex) {
        try {
            handler.onError(this, ex);
        } catch (RuntimeException again) {
            LOG.log(System.Logger.Level.WARNING, "a WebSocket handler failed in onError", again);
        }
    }

    // ------------------------------------------------------------------------------------------------ Session

    @Override
    public CompletableFuture<Void> sendText(CharSequence text) {
        SendFuture done = new SendFuture();
        engine().sendText(text, done);
        return done;
    }

    @Override
    public CompletableFuture<Void> sendBinary(ByteBuffer data) {
        SendFuture done = new SendFuture();
        engine().sendBinary(data, done);
        return done;
    }

    @Override
    public CompletableFuture<Void> send(PreparedMessage message) {
        SendFuture done = new SendFuture();
        engine().sendPrepared(message, done);
        return done;
    }

    /** Broadcast: queues without a future. @return true when queued */
    boolean sendQuietly(PreparedMessage message) {
        return engine().state() == ConnectionState.OPEN && engine().sendPrepared(message, null);
    }

    @Override
    public boolean ping(ByteBuffer payload) {
        return engine().ping(payload);
    }

    @Override
    public void close(int code, String reason) {
        engine().close(code, reason);
    }

    @Override
    public void close() {
        engine().close(CloseCodes.NORMAL_CLOSURE, null);
    }

    @Override
    public void abort() {
        connection.close();
    }

    @Override
    public ConnectionState state() {
        return engine().state();
    }

    @Override
    public boolean isOpen() {
        return engine().state() == ConnectionState.OPEN;
    }

    @Override
    public String subprotocol() {
        return engine().subprotocol();
    }

    @Override
    public List<ExtensionOffer> extensions() {
        return engine().extensions();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public HandshakeRequest request() {
        HandshakeRequest whole = request;
        return whole != null ? whole
                : new HandshakeRequest(path, query, HttpHeaders.EMPTY, null, List.of(), remote, connection.secure());
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public long bufferedAmount() {
        return connection.bufferedAmount();
    }

    @Override
    public Object attribute(String name) {
        Map<String, Object> map = attributes;
        return map == null ? null : map.get(name);
    }

    @Override
    public Object attribute(String name, Object value) {
        Map<String, Object> map = attributes;
        if (map == null) {
            if (value == null) {
                return null;
            }
            synchronized (this) {
                map = attributes;
                if (map == null) {
                    map = new ConcurrentHashMap<>(4);
                    attributes = map;
                }
            }
        }
        return value == null ? map.remove(name) : map.put(name, value);
    }

    @Override
    public WebSocketServer server() {
        return server;
    }

    @Override
    public String toString() {
        return "Session[" + remote + ", " + path + ", " + engine().state() + "]";
    }
}
