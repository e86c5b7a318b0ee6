package io.github.rfc6455.server;

import io.github.rfc6455.core.PreparedMessage;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.nio.Connection;
import io.github.rfc6455.nio.EventLoop;
import io.github.rfc6455.nio.EventLoopGroup;
import io.github.rfc6455.nio.TransportConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A WebSocket server (RFC 6455, with permessage-deflate of RFC 7692 when configured) on {@code java.nio}: a few
 * selector threads serve every connection, plain ({@code ws}) and TLS ({@code wss}) listeners side by side. It is the
 * counterpart of Qt's {@code QWebSocketServer}:
 * <pre>{@code
 * WebSocketServer server = WebSocketServer.builder()
 *         .listen(new InetSocketAddress("127.0.0.1", 0))
 *         .route("/echo", new WebSocketHandler() {
 *             public void onText(Session session, String text) { session.sendText(text); }
 *         })
 *         .build()
 *         .start();
 * int port = server.port();
 * ...
 * server.shutdown(Duration.ofSeconds(5)).join();
 * }</pre>
 *
 * <p>Opening handshakes (RFC 6455 section 4.2) are checked in this order: the request must be valid (else 400, or 426
 * for a wrong {@code Sec-WebSocket-Version}, or 431 for too large a head); its path must have a route (else 404); its
 * Origin must be on the allow-list when there is one (else 403); the server must be running and below its connection
 * limit (else 503); finally the {@link HandshakeFilter} may refuse it with any status. The server then selects the
 * first of its subprotocols the client asked for, negotiates the configured extensions, and opens a {@link Session}.
 * A plain HTTP request (no {@code Upgrade}) gets the {@linkplain Builder#resource document} registered for its path,
 * or 404.
 *
 * <p>Limits and timers: message and frame sizes come from the {@link WebSocketConfig} (a larger message closes with
 * 1009); the outbound queue watermarks, the handshake, close, idle and keepalive timers from the
 * {@link TransportConfig}. A connection whose peer does not read stops being read above the high watermark and is
 * closed with 1008 above the hard limit, so no peer can make the server buffer without bound, and no other connection
 * waits for a slow one.
 *
 * <p>Thread-safe: every method may be called from any thread, except that {@link #close()} must not be called on one
 * of the server's event loop threads (use {@link #shutdown(Duration)} there).
 */
public final class WebSocketServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebSocketServer.class.getName());
    private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    private static final int BACKLOG = 1024;

    private enum State { NEW, RUNNING, STOPPING, STOPPED }

    /** One listening address, plain when {@code tls} is null. */
    private record Listen(InetSocketAddress address, SSLContext tls) {
    }

    private final List<Listen> listens;
    private final int threads;
    private final boolean daemon;
    private final String threadName;
    private final WebSocketConfig webSocketConfig;
    private final TransportConfig transportConfig;
    private final HandshakePolicy policy;
    private final List<ServerListener> listeners;
    private final int maxConnections;
    private final boolean retainRequests;

    private final Set<ServerSession> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reservations = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final List<Acceptor> acceptors = new ArrayList<>();
    private volatile State state = State.NEW;
    private EventLoopGroup group;

    private WebSocketServer(Builder b) {
        this.listens = List.copyOf(b.listens);
        this.threads = b.threads;
        this.daemon = b.daemon;
        this.threadName = b.threadName;
        this.webSocketConfig = b.webSocketConfig;
        this.transportConfig = b.transportConfig;
        this.policy = new HandshakePolicy(b.routes, b.fallback, b.resources, b.origins, b.subprotocols, b.filter);
        this.listeners = List.copyOf(b.listeners);
        this.maxConnections = b.maxConnections;
        this.retainRequests = b.retainRequests;
    }

    /** @return a builder with the defaults: no listener yet, one thread per processor, no routes */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a PKCS12 key store holding the server's private key and certificate chain into a TLS context for
     * {@link Builder#listenTls(InetSocketAddress, SSLContext)}.
     *
     * @param pkcs12 the key store file
     * @param password the password of the store and of the key
     * @return the context
     * @throws IOException when the file cannot be read or the password is wrong
     * @throws GeneralSecurityException when the store holds no usable key
     */
    public static SSLContext tlsContext(Path pkcs12, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Binds every listening address and starts the event loops; connections are accepted from now on.
     *
     * @return this server
     * @throws IOException when an address cannot be bound (everything started is released again)
     * @throws IllegalStateException when the server was started before
     */
    public synchronized WebSocketServer start() throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("the server was already started");
        }
        group = new EventLoopGroup(threads, threadName, transportConfig, tickMillis(transportConfig), daemon);
        List<ServerSocketChannel> channels = new ArrayList<>();
        state = State.RUNNING; // before the first acceptor starts: a client may connect at once
        try {
            for (int i = 0; i < listens.size(); i++) {
                Listen listen = listens.get(i);
                ServerSocketChannel channel = ServerSocketChannel.open();
                channels.add(channel);
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(listen.address(), BACKLOG);
                Acceptor acceptor = new Acceptor(this, channel, listen.tls(), group.get(i % group.size()));
                acceptor.start().get(10, TimeUnit.SECONDS);
                acceptors.add(acceptor);
            }
        } catch (IOException | ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            for (ServerSocketChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            acceptors.clear();
            state = State.STOPPED;
            group.shutdown();
            terminated.complete(null);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof IOException) {
                throw (IOException) e;
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException("cannot start the server: " + cause, cause);
        }
        for (Acceptor acceptor : acceptors) {
            LOG.log(System.Logger.Level.DEBUG, "listening on {0}://{1}", acceptor.secure() ? "wss" : "ws",
                    acceptor.localAddress());
        }
        return this;
    }

    /**
     * Graceful shutdown: stops accepting, starts the closing handshake with 1001 (going away, RFC 6455 section 7.4.1)
     * on every open session, drops connections still in their opening handshake, waits for the closing handshakes up
     * to {@code timeout}, then drops what is left, stops the event loops and releases their threads and selectors.
     * Calling it again returns the same future.
     *
     * @param timeout how long to wait for the closing handshakes
     * @return completes when every connection is closed and every thread has ended
     */
    public CompletableFuture<Void> shutdown(Duration timeout) {
        synchronized (this) {
            if (state == State.NEW) {
                state = State.STOPPED;
                finish();
                return terminated;
            }
            if (state != State.RUNNING) {
                return terminated;
            }
            state = State.STOPPING;
        }
        for (Acceptor acceptor : acceptors) {
            acceptor.stop();
        }
        for (ServerSession session : live) {
            session.goAway();
        }
        if (live.isEmpty()) {
            drained.complete(null);
        }
        drained.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(ignored -> group.shutdown())
                .whenComplete((ignored, failure) -> {
                    synchronized (this) {
                        state = State.STOPPED;
                    }
                    finish();
                });
        return terminated;
    }

    private void finish() {
        for (ServerListener listener : listeners) {
            try {
                listener.onClosed();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a server listener failed in onClosed", e);
            }
        }
        terminated.complete(null);
    }

    /**
     * Shuts down with a 5 second timeout for the closing handshakes and waits until it is done.
     *
     * @throws IllegalStateException when called on one of the server's event loop threads
     */
    @Override
    public void close() {
        EventLoopGroup loops = group;
        if (loops != null) {
            for (int i = 0; i < loops.size(); i++) {
                if (loops.get(i).inEventLoop()) {
                    throw new IllegalStateException("close() would wait for its own thread; use shutdown()");
                }
            }
        }
        shutdown(DEFAULT_SHUTDOWN_TIMEOUT).join();
    }

    /** @return completes when the server has stopped and released its threads */
    public CompletableFuture<Void> terminationFuture() {
        return terminated;
    }

    /** @return true between {@link #start()} and the beginning of {@link #shutdown} */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** @return true once shutdown began */
    boolean isStopping() {
        State s = state;
        return s == State.STOPPING || s == State.STOPPED;
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * @return the bound addresses of the listeners in the order they were configured (with the real ports when bound
     *     to port 0); empty before {@link #start()}
     */
    public synchronized List<InetSocketAddress> localAddresses() {
        List<InetSocketAddress> addresses = new ArrayList<>(acceptors.size());
        for (Acceptor acceptor : acceptors) {
            addresses.add(acceptor.localAddress());
        }
        return addresses;
    }

    /**
     * @return the port of the first listener (the real one when bound to port 0)
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        List<InetSocketAddress> addresses = localAddresses();
        if (addresses.isEmpty()) {
            throw new IllegalStateException("the server is not started");
        }
        return addresses.get(0).getPort();
    }

    /** @return a snapshot of the open sessions */
    public List<Session> sessions() {
        List<Session> sessions = new ArrayList<>();
        for (ServerSession session : live) {
            if (session.isOpen()) {
                sessions.add(session);
            }
        }
        return sessions;
    }

    /** @return the number of sessions that were opened and have not closed yet */
    public int sessionCount() {
        return open.get();
    }

    /** @return the number of TCP connections the server holds, opening handshakes and closing ones included */
    public int connectionCount() {
        return live.size();
    }

    /** @return the WebSocket configuration of every connection */
    public WebSocketConfig webSocketConfig() {
        return webSocketConfig;
    }

    /** @return the transport configuration of every connection */
    public TransportConfig transportConfig() {
        return transportConfig;
    }

    // ------------------------------------------------------------------------------------------------ broadcast

    /**
     * Encodes a text message once for {@link #broadcast}, fragmented as the configuration's outgoing frame size says.
     *
     * @param text the message
     * @return the prepared message
     */
    public PreparedMessage prepareText(CharSequence text) {
        return PreparedMessage.text(text, webSocketConfig.outgoingFrameSize());
    }

    /**
     * Encodes a binary message once for {@link #broadcast}.
     *
     * @param data the message between position and limit (copied, not moved)
     * @return the prepared message
     */
    public PreparedMessage prepareBinary(ByteBuffer data) {
        return PreparedMessage.binary(data, webSocketConfig.outgoingFrameSize());
    }

    /**
     * Queues a message, encoded once, to every open session; the sessions share its bytes read-only.
     *
     * @param message the message
     * @return to how many sessions it was queued
     */
    public int broadcast(PreparedMessage message) {
        return broadcast(message, session -> true);
    }

    /**
     * Queues a message, encoded once, to every open session that the filter selects.
     *
     * @param message the message
     * @param recipients selects the sessions to send to; called on the caller's thread
     * @return to how many sessions it was queued
     */
    public int broadcast(PreparedMessage message, Predicate<? super Session> recipients) {
        Objects.requireNonNull(message, "message");
        int count = 0;
        for (ServerSession session : live) {
            if (session.isOpen() && recipients.test(session) && session.sendQuietly(message)) {
                count++;
            }
        }
        return count;
    }

    // ------------------------------------------------------------------------------------------------ internals

    HandshakePolicy policy() {
        return policy;
    }

    boolean retainsRequests() {
        return retainRequests;
    }

    /** On the acceptor's loop: moves a new connection to the next loop. */
    void accepted(SocketChannel channel, SSLContext tls) {
        if (state != State.RUNNING) {
            closeQuietly(channel);
            return;
        }
        EventLoop loop = group.next();
        if (loop.inEventLoop()) {
            serve(loop, channel, tls);
        } else {
            loop.execute(() -> serve(loop, channel, tls));
        }
    }

    private void serve(EventLoop loop, SocketChannel channel, SSLContext tls) {
        ServerSession session = null;
        try {
            SSLEngine ssl = null;
            if (tls != null) {
                ssl = tls.createSSLEngine();
                ssl.setUseClientMode(false);
            }
            session = new ServerSession(this, (InetSocketAddress) channel.getRemoteAddress());
            Connection connection = new Connection(loop, channel, transportConfig, ssl, session);
            WebSocketEngine engine = WebSocketEngine.server(webSocketConfig, session, connection);
            connection.attach(engine);
            session.bind(connection);
            live.add(session);
            if (state != State.RUNNING) { // shutdown began meanwhile and may not have seen this session
                connection.close();
                return;
            }
            connection.startAccepted();
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (session != null) {
                connectionClosed(session);
            }
            report(new ServerError(ServerError.Kind.ACCEPT, null, 0, "cannot serve a connection: " + e, e));
        }
    }

    /** @return true when the connection may open: below the limit (a slot is then taken) */
    boolean reserve() {
        while (true) {
            int n = reservations.get();
            if (n >= maxConnections) {
                return false;
            }
            if (reservations.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void unreserve() {
        reservations.decrementAndGet();
    }

    void sessionOpened() {
        open.incrementAndGet();
    }

    void sessionClosed() {
        open.decrementAndGet();
    }

    void connectionClosed(ServerSession session) {
        live.remove(session);
        if (state != State.RUNNING && state != State.NEW && live.isEmpty()) {
            drained.complete(null);
        }
    }

    void announce(Session session) {
        for (ServerListener listener : listeners) {
            try {
                listener.onNewConnection(session);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a server listener failed in onNewConnection", e);
            }
        }
    }

    void report(ServerError error) {
        LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2}", error.kind(), error.remoteAddress(), error.message());
        for (ServerListener listener : listeners) {
            try {
                listener.onServerError(error);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a server listener failed in onServerError", e);
            }
        }
    }

    /** For tests: the channels registered with the loops, listening sockets included. Must not run on a loop. */
    int registrations() throws InterruptedException, ExecutionException, TimeoutException {
        int sum = 0;
        for (int i = 0; i < group.size(); i++) {
            EventLoop loop = group.get(i);
            CompletableFuture<Integer> count = new CompletableFuture<>();
            loop.execute(() -> count.complete(loop.registrations()));
            sum += count.get(5, TimeUnit.SECONDS);
        }
        return sum;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a connection", e);
        }
    }

    /** The loop tick checks deadlines: a quarter of the shortest timer, between 10 ms and 1 s. */
    static long tickMillis(TransportConfig config) {
        long shortest = Long.MAX_VALUE;
        Duration pong = config.pingInterval().isZero() ? Duration.ZERO : config.pongTimeout();
        for (Duration d : new Duration[] {config.handshakeTimeout(), config.closeTimeout(), config.idleTimeout(),
                config.pingInterval(), pong}) {
            if (!d.isZero()) {
                shortest = Math.min(shortest, d.toMillis());
            }
        }
        return Math.max(10, Math.min(1000, shortest / 4));
    }

    /**
     * Configures a {@link WebSocketServer}: listeners, routes, handshake rules, limits, threads.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final List<Listen> listens = new ArrayList<>();
        private final Map<String, HandshakePolicy.Route> routes = new HashMap<>();
        private final Map<String, HttpResource> resources = new HashMap<>();
        private final Set<String> origins = new LinkedHashSet<>();
        private final List<String> subprotocols = new ArrayList<>();
        private final List<ServerListener> listeners = new ArrayList<>();
        private WebSocketHandler fallback;
        private HandshakeFilter filter;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean daemon;
        private String threadName = "rfc6455-server";
        private WebSocketConfig webSocketConfig = WebSocketConfig.DEFAULT;
        private TransportConfig transportConfig = TransportConfig.DEFAULT;
        private int maxConnections = Integer.MAX_VALUE;
        private boolean retainRequests;

        private Builder() {
        }

        /**
         * Adds a plain ({@code ws}) listener.
         *
         * @param address the address to bind; port 0 picks a free port ({@link #localAddresses()} tells which)
         * @return this
         */
        public Builder listen(InetSocketAddress address) {
            listens.add(new Listen(Objects.requireNonNull(address, "address"), null));
            return this;
        }

        /**
         * Adds a plain ({@code ws}) listener.
         *
         * @param host the host name or address to bind, or null for all interfaces
         * @param port the port, 0 for a free one
         * @return this
         */
        public Builder listen(String host, int port) {
            return listen(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
        }

        /**
         * Adds a TLS ({@code wss}) listener; it may run beside plain ones.
         *
         * @param address the address to bind; port 0 picks a free port
         * @param context the server's TLS context (key and certificate chain), for example from
         *                {@link WebSocketServer#tlsContext}
         * @return this
         */
        public Builder listenTls(InetSocketAddress address, SSLContext context) {
            listens.add(new Listen(Objects.requireNonNull(address, "address"),
                    Objects.requireNonNull(context, "context")));
            return this;
        }

        /**
         * Serves WebSocket connections on a path with a handler.
         *
         * @param path the exact path of the request target, as sent (percent-encoded), for example {@code /chat}
         * @param handler the handler of the sessions on that path
         * @return this
         * @throws IllegalArgumentException when the path does not start with {@code /} or has a route already
         */
        public Builder route(String path, WebSocketHandler handler) {
            checkPath(path);
            if (routes.putIfAbsent(path, new HandshakePolicy.Route(path, Objects.requireNonNull(handler))) != null) {
                throw new IllegalArgumentException("path already routed: " + path);
            }
            return this;
        }

        /**
         * Serves WebSocket connections on every path without its own {@link #route}; without it such paths get 404.
         *
         * @param handler the handler
         * @return this
         */
        public Builder defaultRoute(WebSocketHandler handler) {
            this.fallback = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Answers plain HTTP {@code GET} and {@code HEAD} requests (no {@code Upgrade}) for a path with a fixed
         * document, for example the page of a browser client.
         *
         * @param path the exact path
         * @param contentType the {@code Content-Type}, for example {@code text/html; charset=utf-8}
         * @param body the document (copied)
         * @return this
         */
        public Builder resource(String path, String contentType, byte[] body) {
            checkPath(path);
            resources.put(path, new HttpResource(contentType, body.clone()));
            return this;
        }

        /**
         * Restricts browsers to pages of these origins (RFC 6455 section 10.2): a request whose {@code Origin} is
         * not listed is refused with 403. Requests without an {@code Origin} (not from a browser) are allowed. The
         * default, an empty list, allows every origin.
         *
         * @param allowed origins such as {@code https://example.com}, compared case-insensitively
         * @return this
         */
        public Builder allowedOrigins(Collection<String> allowed) {
            origins.clear();
            for (String origin : allowed) {
                origins.add(HandshakePolicy.normalizeOrigin(origin));
            }
            return this;
        }

        /**
         * The subprotocols the server speaks, in its order of preference: the first one the client also asks for is
         * selected (RFC 6455 section 4.2.2 step 5.4); when there is none in common, the connection opens without a
         * subprotocol (and a client that insists will close it).
         *
         * @param supported subprotocol tokens, most preferred first
         * @return this
         */
        public Builder subprotocols(List<String> supported) {
            subprotocols.clear();
            subprotocols.addAll(supported);
            return this;
        }

        /**
         * @param max the most WebSocket sessions open at the same time; more are refused with 503
         * @return this
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be positive: " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * @param handshakeFilter sees each upgrade request (path, query, headers, remote address) after the
         *                        server's own checks and may refuse it; null for none
         * @return this
         */
        public Builder handshakeFilter(HandshakeFilter handshakeFilter) {
            this.filter = handshakeFilter;
            return this;
        }

        /**
         * @param listener told about new connections, server errors and the end of the server; may be called more
         *                 than once to add several
         * @return this
         */
        public Builder listener(ServerListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param config message and frame limits, handshake head limits and extensions (permessage-deflate)
         * @return this
         */
        public Builder webSocketConfig(WebSocketConfig config) {
            this.webSocketConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param config outbound queue watermarks and hard limit, handshake, close, idle and keepalive timers
         * @return this
         */
        public Builder transportConfig(TransportConfig config) {
            this.transportConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param count the number of event loop threads; the default is the number of available processors
         * @return this
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be positive: " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * @param daemonThreads true to make the event loop threads daemon threads (they then do not keep the JVM
         *                      alive); the default is false
         * @return this
         */
        public Builder daemonThreads(boolean daemonThreads) {
            this.daemon = daemonThreads;
            return this;
        }

        /**
         * @param prefix the names of the event loop threads: prefix-0, prefix-1, ...; the default is
         *               {@code rfc6455-server}
         * @return this
         */
        public Builder threadName(String prefix) {
            this.threadName = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Keeps each session's whole upgrade request (headers, Origin, requested subprotocols) for
         * {@link Session#request()}. Off by default: the headers of a request cost several hundred bytes per
         * connection for as long as it is open, so a session keeps only its path and query, and a
         * {@link HandshakeFilter} sees the whole request in any case.
         *
         * @param retain true to keep the whole request
         * @return this
         */
        public Builder retainRequest(boolean retain) {
            this.retainRequests = retain;
            return this;
        }

        /**
         * @return the server, not started yet
         * @throws IllegalStateException when no listener was configured
         */
        public WebSocketServer build() {
            if (listens.isEmpty()) {
                throw new IllegalStateException("no address to listen on: call listen() or listenTls()");
            }
            return new WebSocketServer(this);
        }

        private static void checkPath(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a path starts with '/': " + path);
            }
        }
    }
}
