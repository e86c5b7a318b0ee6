package io.github.rfc6455.client;

import io.github.rfc6455.core.SendFuture;
import io.github.rfc6455.core.ConnectionState;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.nio.Connection;
import io.github.rfc6455.nio.EventLoop;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A WebSocket client connection (RFC 6455) with the API of Qt's QML {@code WebSocket} type and of {@code QWebSocket}:
 *
 * <pre>{@code
 * WebSocket socket = new WebSocket();
 * socket.setUrl("ws://localhost:3000");
 * socket.onTextMessageReceived(message -> System.out.println("Received message: " + message));
 * socket.onStatusChanged(status -> {
 *     switch (status) {
 *         case ERROR -> System.out.println("Error: " + socket.errorString());
 *         case OPEN -> socket.sendTextMessage("Hello World");
 *         case CLOSED -> System.out.println("Socket closed");
 *         default -> { }
 *     }
 * });
 * socket.setActive(true);
 * }</pre>
 *
 * <p><b>QML properties:</b> {@link #url()}, {@link #isActive() active} (setting it true connects, false closes),
 * {@link #status()}, {@link #errorString()}, {@link #requestedSubprotocols()}, {@link #negotiatedSubprotocol()};
 * events {@code statusChanged}, {@code textMessageReceived}, {@code binaryMessageReceived} through
 * {@link #addListener} or the shortcuts {@link #onStatusChanged}, {@link #onTextMessageReceived},
 * {@link #onBinaryMessageReceived}; methods {@link #sendTextMessage} and {@link #sendBinaryMessage}.
 *
 * <p><b>From {@code QWebSocket}:</b> {@link #open(WebSocketRequest)} with extra headers ({@code Authorization},
 * {@code Cookie}, {@code Origin}), {@link #close(int, String)} with {@link #closeCode()} and {@link #closeReason()},
 * {@link #ping(byte[])} answered by {@link WebSocketListener#onPong} with the round trip time, frame events
 * ({@link WebSocketOptions.Builder#frameEvents}), the frame and message size limits, {@link #bytesToWrite()},
 * {@link #abort()}, an HTTP proxy and a custom {@code SSLContext} ({@link WebSocketOptions}).
 *
 * <p><b>Beyond Qt:</b> {@link #open()} and the sends return {@link CompletableFuture}s; {@code wss} verifies the
 * server's host name by default; the socket can reconnect by itself ({@link ReconnectPolicy}).
 *
 * <p><b>Status</b> moves CLOSED &rarr; CONNECTING &rarr; OPEN &rarr; CLOSING &rarr; CLOSED, or to ERROR (with an
 * {@link #errorString()}) when the connection cannot be opened, fails, or is lost; from ERROR a reconnecting socket
 * goes back to CONNECTING.
 *
 * <p><b>Threading.</b> Thread-safe: every method may be called from any thread. The socket lives on one event loop
 * thread, shared with many other sockets (by default a single daemon thread for all clients of the JVM); every
 * listener runs there, and so do the continuations of the futures unless you pick an executor ({@code thenAcceptAsync}).
 * Do not block on that thread: no {@code Future.get()}, no blocking I/O, no long computation.
 */
public final class WebSocket {
    /** The connection status, as QML's {@code WebSocket.status}. Immutable and thread-safe. */
    public enum Status {
        /** Connecting: TCP, proxy, TLS and the opening handshake (RFC 6455 section 4) are in progress. */
        CONNECTING,
        /** Open: messages flow both ways. */
        OPEN,
        /** Closing: a Close frame was sent or received (RFC 6455 section 7); messages may still arrive. */
        CLOSING,
        /** Closed: not connected, without error (never opened, or closed by either side with a Close frame). */
        CLOSED,
        /** Error: the connection could not be opened, failed or was lost; see {@link WebSocket#errorString()}. */
        ERROR
    }

    private static final int[] RECONNECT_CLOSE_CODES = {CloseCodes.GOING_AWAY, CloseCodes.INTERNAL_ERROR,
        CloseCodes.SERVICE_RESTART, CloseCodes.TRY_AGAIN_LATER, CloseCodes.BAD_GATEWAY};

    private final WebSocketOptions options;
    private final EventLoop loop;
    private final Listeners listeners = new Listeners();
    private final ConcurrentLinkedQueue<Status> statusEvents = new ConcurrentLinkedQueue<>();
    private final Runnable statusDelivery = this::deliverPendingStatus;
    final PingTimes pings = new PingTimes();

    // Guarded by this; volatile where read without the lock.
    private WebSocketRequest request;
    private List<String> requestedSubprotocols = List.of();
    private boolean active;
    private volatile Status status = Status.CLOSED;
    private volatile String errorString = "";
    private volatile String negotiatedSubprotocol = "";
    private volatile int closeCode;
    private volatile String closeReason = "";
    private volatile Session session;
    private int reconnectAttempts;
    private Runnable reconnectTask;
    private Runnable cancelReconnect;
    private CompletableFuture<WebSocket> openFuture;

    /** A socket with the {@link WebSocketOptions#DEFAULT default options}, not connected. */
    public WebSocket() {
        this(WebSocketOptions.DEFAULT);
    }

    /**
     * A socket, not connected.
     *
     * @param options limits, timeouts, TLS, proxy, reconnect policy and event loops
     */
    public WebSocket(WebSocketOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.loop = (options.eventLoops() != null ? options.eventLoops() : ClientLoops.shared()).next();
    }

    /**
     * Opens a new socket with the default options.
     *
     * @param url a {@code ws://} or {@code wss://} URL
     * @return completes with the socket once it is open, or with a {@link WebSocketException}
     */
    public static CompletableFuture<WebSocket> connect(String url) {
        return new WebSocket().open(url);
    }

    /**
     * Opens a new socket, with a listener registered before any event can happen (so no message is missed).
     *
     * @param request the URL, subprotocols and headers
     * @param options the options
     * @param listener the socket's listener, or null
     * @return completes with the socket once it is open, or with a {@link WebSocketException}
     */
    public static CompletableFuture<WebSocket> connect(WebSocketRequest request, WebSocketOptions options,
                                                       WebSocketListener listener) {
        WebSocket socket = new WebSocket(options);
        if (listener != null) {
            socket.addListener(listener);
        }
        return socket.open(request);
    }

    // ------------------------------------------------------------------------------------------------ properties

    /** @return the URL (QML {@code url}), or null when none was set */
    public synchronized URI url() {
        return request == null ? null : request.url();
    }

    /**
     * Sets the URL (QML {@code url}); an active socket closes its connection and opens one to the new URL.
     *
     * @param url a {@code ws://} or {@code wss://} URL; without a scheme, {@code ws://} is assumed
     * @throws IllegalArgumentException when the URL is not a valid WebSocket URL (RFC 6455 section 3)
     */
    public void setUrl(String url) {
        setUrl(Urls.parse(url));
    }

    /**
     * Sets the URL (QML {@code url}); an active socket closes its connection and opens one to the new URL.
     *
     * @param url a {@code ws://} or {@code wss://} URL; without a scheme, {@code ws://} is assumed
     * @throws IllegalArgumentException when the URL is not a valid WebSocket URL (RFC 6455 section 3)
     */
    public void setUrl(URI url) {
        URI normalized = Urls.normalize(url);
        synchronized (this) {
            if (request != null && request.url().equals(normalized)) {
                return;
            }
            request = request == null
                    ? WebSocketRequest.builder(normalized).subprotocols(requestedSubprotocols).build()
                    : request.withUrl(normalized);
            if (!active) {
                return;
            }
        }
        open();
    }

    /** @return true while the socket is meant to be connected (QML {@code active}), reconnect waits included */
    public synchronized boolean isActive() {
        return active;
    }

    /**
     * QML {@code active}: true connects to {@link #url()} (when not already active), false closes the connection with
     * 1000 (normal closure) and stops reconnecting. A socket whose connection ended by itself becomes inactive,
     * unless it is about to reconnect.
     *
     * @param on whether the socket should be connected
     * @throws IllegalStateException when turning it on without a URL
     */
    public void setActive(boolean on) {
        synchronized (this) {
            if (on == active) {
                return;
            }
            if (on && request == null) {
                throw new IllegalStateException("set a URL before activating the WebSocket");
            }
        }
        if (on) {
            open();
        } else {
            close();
        }
    }

    /** @return the current status (QML {@code status}) */
    public Status status() {
        return status;
    }

    /** @return what went wrong while the status is {@link Status#ERROR}, else the empty string (QML {@code errorString}) */
    public String errorString() {
        return errorString;
    }

    /** @return the subprotocols requested at the next open (QML {@code requestedSubprotocols}) */
    public synchronized List<String> requestedSubprotocols() {
        return requestedSubprotocols;
    }

    /**
     * Sets the subprotocols to request at the next open, in order of preference (QML {@code requestedSubprotocols};
     * RFC 6455 section 4.1, {@code Sec-WebSocket-Protocol}).
     *
     * @param subprotocols unique tokens
     * @throws IllegalArgumentException when one is not a token or appears twice
     */
    public void setRequestedSubprotocols(List<String> subprotocols) {
        List<String> copy = List.copyOf(subprotocols);
        synchronized (this) {
            if (request != null) {
                request = request.withSubprotocols(copy);
            } else {
                WebSocketRequest.builder("ws://localhost/").subprotocols(copy).build(); // validates
            }
            requestedSubprotocols = copy;
        }
    }

    /** @return the subprotocol the server chose, or the empty string when none (QML {@code negotiatedSubprotocol}) */
    public String negotiatedSubprotocol() {
        return negotiatedSubprotocol;
    }

    /**
     * @return the status code of the last connection's end (Qt's {@code closeCode()}): the code of the server's Close
     *     frame, 1005 when it had none, 1006 when the connection ended without one (RFC 6455 section 7.1.5); 0 before
     *     a connection ended
     */
    public int closeCode() {
        return closeCode;
    }

    /** @return the reason of the server's Close frame, or a description of the failure (Qt's {@code closeReason()}) */
    public String closeReason() {
        return closeReason;
    }

    /** @return the bytes queued for sending and not yet written to the network (Qt's {@code bytesToWrite()}) */
    public long bytesToWrite() {
        Session s = session;
        Connection c = s == null ? null : s.connection();
        return c == null ? 0 : c.bufferedAmount();
    }

    /** @return the largest frame payload accepted (Qt's {@code maxAllowedIncomingFrameSize()}) */
    public long maxAllowedIncomingFrameSize() {
        return options.maxAllowedIncomingFrameSize();
    }

    /** @return the largest message accepted (Qt's {@code maxAllowedIncomingMessageSize()}) */
    public long maxAllowedIncomingMessageSize() {
        return options.maxAllowedIncomingMessageSize();
    }

    /** @return the largest payload of a frame this socket sends (Qt's {@code outgoingFrameSize()}) */
    public int outgoingFrameSize() {
        return options.outgoingFrameSize();
    }

    /** @return the options */
    public WebSocketOptions options() {
        return options;
    }

    // ------------------------------------------------------------------------------------------------ listeners

    /**
     * Registers a listener for all events. Listeners run on the socket's event loop and must not block.
     *
     * @param listener the listener
     * @return the registration, to remove it
     */
    public Registration addListener(WebSocketListener listener) {
        return listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * QML's {@code onStatusChanged}.
     *
     * @param handler receives each new status
     * @return the registration, to remove it
     */
    public Registration onStatusChanged(Consumer<Status> handler) {
        Objects.requireNonNull(handler, "handler");
        return addListener(new WebSocketListener() {
            @Override
            public void onStatusChanged(Status newStatus) {
                handler.accept(newStatus);
            }
        });
    }

    /**
     * QML's {@code onTextMessageReceived}.
     *
     * @param handler receives each text message
     * @return the registration, to remove it
     */
    public Registration onTextMessageReceived(Consumer<String> handler) {
        Objects.requireNonNull(handler, "handler");
        return addListener(new WebSocketListener() {
            @Override
            public void onTextMessageReceived(String message) {
                handler.accept(message);
            }
        });
    }

    /**
     * QML's {@code onBinaryMessageReceived}.
     *
     * @param handler receives each binary message, valid only during the call
     * @return the registration, to remove it
     */
    public Registration onBinaryMessageReceived(Consumer<ByteBuffer> handler) {
        Objects.requireNonNull(handler, "handler");
        return addListener(new WebSocketListener() {
            @Override
            public void onBinaryMessageReceived(ByteBuffer message) {
                handler.accept(message);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ opening

    /**
     * Connects to {@link #url()} with {@link #requestedSubprotocols()} and makes the socket active. An open or
     * connecting socket first drops its current connection.
     *
     * @return completes with this socket once it is open, or with a {@link WebSocketException} holding the
     *     {@link #errorString()} when it cannot be opened (after the last reconnect attempt, when reconnecting)
     * @throws IllegalStateException when no URL was set
     */
    public CompletableFuture<WebSocket> open() {
        WebSocketRequest r;
        synchronized (this) {
            r = request;
        }
        if (r == null) {
            throw new IllegalStateException("set a URL before opening the WebSocket");
        }
        return open(r);
    }

    /**
     * Sets the URL and connects (Qt's {@code open(QUrl)}).
     *
     * @param url a {@code ws://} or {@code wss://} URL; without a scheme, {@code ws://} is assumed
     * @return as {@link #open()}
     * @throws IllegalArgumentException when the URL is not a valid WebSocket URL
     */
    public CompletableFuture<WebSocket> open(String url) {
        return open(Urls.parse(url));
    }

    /**
     * Sets the URL and connects (Qt's {@code open(QUrl)}).
     *
     * @param url a {@code ws://} or {@code wss://} URL; without a scheme, {@code ws://} is assumed
     * @return as {@link #open()}
     * @throws IllegalArgumentException when the URL is not a valid WebSocket URL
     */
    public CompletableFuture<WebSocket> open(URI url) {
        URI normalized = Urls.normalize(url);
        WebSocketRequest r;
        synchronized (this) {
            r = WebSocketRequest.builder(normalized).subprotocols(requestedSubprotocols).build();
        }
        return open(r);
    }

    /**
     * Connects with a request carrying subprotocols, an {@code Origin} and extra headers (Qt's
     * {@code open(QNetworkRequest, QWebSocketHandshakeOptions)}); the request's URL and subprotocols become the
     * socket's {@link #url()} and {@link #requestedSubprotocols()}.
     *
     * @param openRequest the request
     * @return as {@link #open()}
     */
    public CompletableFuture<WebSocket> open(WebSocketRequest openRequest) {
        Objects.requireNonNull(openRequest, "openRequest");
        CompletableFuture<WebSocket> future;
        Session previous;
        Session next;
        synchronized (this) {
            request = openRequest;
            requestedSubprotocols = openRequest.subprotocols();
            active = true;
            reconnectAttempts = 0;
            if (openFuture == null || openFuture.isDone()) {
                openFuture = new CompletableFuture<>();
            }
            future = openFuture;
            previous = session;
            next = startSessionLocked();
        }
        retire(previous);
        launch(next);
        return future;
    }

    /** Call holding the lock. */
    private Session startSessionLocked() {
        cancelReconnectLocked();
        Session next = new Session(this, request, options, loop, listeners);
        session = next;
        errorString = "";
        negotiatedSubprotocol = "";
        setStatusLocked(Status.CONNECTING);
        return next;
    }

    private void launch(Session next) {
        loop.execute(statusDelivery);
        loop.execute(next::start);
    }

    /** Ends a replaced session without reporting anything: its events are ignored once it is not current. */
    private static void retire(Session previous) {
        if (previous == null) {
            return;
        }
        previous.deliberate = true;
        WebSocketEngine e = previous.engine;
        if (e != null && e.state() == ConnectionState.OPEN) {
            e.close(CloseCodes.NORMAL_CLOSURE, "");
        } else {
            previous.abort();
        }
    }

    // ------------------------------------------------------------------------------------------------ sending

    /**
     * Sends a text message (QML {@code sendTextMessage}), fragmented by {@link #outgoingFrameSize()} and compressed
     * when permessage-deflate was negotiated.
     *
     * @param message the message
     * @return completes when the message was handed to the network, or exceptionally when the socket is not open or
     *     closed first
     */
    public CompletableFuture<Void> sendTextMessage(CharSequence message) {
        Objects.requireNonNull(message, "message");
        SendFuture future = new SendFuture();
        WebSocketEngine e = engine();
        if (e == null) {
            future.onComplete(notOpen());
        } else {
            e.sendText(message, future);
        }
        return future;
    }

    /**
     * Sends a binary message (QML {@code sendBinaryMessage}).
     *
     * @param message the message between position and limit; not moved, and free to reuse once this returns
     * @return as {@link #sendTextMessage}
     */
    public CompletableFuture<Void> sendBinaryMessage(ByteBuffer message) {
        Objects.requireNonNull(message, "message");
        SendFuture future = new SendFuture();
        WebSocketEngine e = engine();
        if (e == null) {
            future.onComplete(notOpen());
        } else {
            e.sendBinary(message, future);
        }
        return future;
    }

    /**
     * Sends a binary message (QML {@code sendBinaryMessage}).
     *
     * @param message the message; free to reuse once this returns
     * @return as {@link #sendTextMessage}
     */
    public CompletableFuture<Void> sendBinaryMessage(byte[] message) {
        return sendBinaryMessage(ByteBuffer.wrap(message));
    }

    /**
     * Sends a Ping frame (Qt's {@code ping}, RFC 6455 section 5.5.2); the server's Pong is reported to
     * {@link WebSocketListener#onPong} with the round trip time.
     *
     * @param payload at most 125 bytes of application data
     * @return false when the socket is not open
     * @throws IllegalArgumentException when the payload is longer than 125 bytes
     */
    public boolean ping(byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("a ping carries at most 125 bytes (RFC 6455 section 5.5)");
        }
        WebSocketEngine e = engine();
        if (e == null || e.state() != ConnectionState.OPEN) {
            return false;
        }
        pings.sent(payload, System.nanoTime());
        return e.ping(ByteBuffer.wrap(payload));
    }

    /** @return as {@link #ping(byte[])} with an empty payload */
    public boolean ping() {
        return ping(new byte[0]);
    }

    private WebSocketEngine engine() {
        Session s = session;
        return s == null ? null : s.engine;
    }

    private IllegalStateException notOpen() {
        return new IllegalStateException("the WebSocket is not open (" + status + ")");
    }

    // ------------------------------------------------------------------------------------------------ closing

    /** Closes with 1000 (normal closure); as {@link #close(int, String)}. */
    public void close() {
        close(CloseCodes.NORMAL_CLOSURE, "");
    }

    /**
     * Closes the connection (Qt's {@code close(closeCode, reason)}): sends a Close frame and waits for the server's,
     * then for the server to close TCP (RFC 6455 section 7.1), each bounded by the close timeout. The socket becomes
     * inactive and does not reconnect. A connecting socket drops its connection; a closed socket stays closed.
     *
     * @param code a code that may be sent (RFC 6455 section 7.4: 1000-1003, 1007-1014, 3000-4999)
     * @param reason the reason, at most 123 bytes of UTF-8 (longer is cut), or null
     * @throws IllegalArgumentException when the code may not be sent
     */
    public void close(int code, String reason) {
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent (RFC 6455 section 7.4)");
        }
        Session s;
        synchronized (this) {
            active = false;
            boolean waiting = cancelReconnectLocked();
            s = session;
            if (s == null) {
                if (waiting) {
                    setStatusLocked(Status.CLOSED);
                }
                failOpenFutureLocked("the WebSocket was closed before it opened");
            } else {
                s.deliberate = true;
                if (status == Status.OPEN) {
                    setStatusLocked(Status.CLOSING);
                }
            }
        }
        deliverStatus();
        if (s != null) {
            WebSocketEngine e = s.engine;
            if (e != null && e.state() == ConnectionState.OPEN) {
                e.close(code, reason);
            } else if (e == null || e.state() == ConnectionState.CONNECTING) {
                s.abort();
            }
        }
    }

    /**
     * Closes TCP at once, without a closing handshake (Qt's {@code abort()}); the socket becomes inactive and
     * {@link #closeCode()} 1006.
     */
    public void abort() {
        Session s;
        synchronized (this) {
            active = false;
            boolean waiting = cancelReconnectLocked();
            s = session;
            if (s != null) {
                s.deliberate = true;
            } else {
                if (waiting) {
                    setStatusLocked(Status.CLOSED);
                }
                failOpenFutureLocked("the WebSocket was aborted before it opened");
            }
        }
        deliverStatus();
        if (s != null) {
            s.abort();
        }
    }

    // ------------------------------------------------------------------------------------------------ session events

    /** The session's handshake completed. On the loop. */
    void sessionOpened(Session s) {
        CompletableFuture<WebSocket> future;
        synchronized (this) {
            if (s != session || s.deliberate) {
                future = null;
            } else {
                reconnectAttempts = 0;
                String subprotocol = s.engine.subprotocol();
                negotiatedSubprotocol = subprotocol == null ? "" : subprotocol;
                setStatusLocked(Status.OPEN);
                future = openFuture;
                openFuture = null;
            }
        }
        if (future == null && s.deliberate) {
            WebSocketEngine e = s.engine;
            if (e != null) {
                e.close(CloseCodes.NORMAL_CLOSURE, "");
            }
            return;
        }
        deliverPendingStatus();
        if (future != null) {
            future.complete(this);
        }
    }

    /** A Close frame was received, or this side failed the connection. On the loop. */
    void sessionClosing(Session s) {
        synchronized (this) {
            if (s != session || status != Status.OPEN) {
                return;
            }
            setStatusLocked(Status.CLOSING);
        }
        deliverPendingStatus();
    }

    /** The session's connection is gone. On the loop. */
    void sessionEnded(Session s) {
        CompletableFuture<WebSocket> failedOpen = null;
        WebSocketException failure = null;
        int attempt = 0;
        int maxAttempts = 0;
        Duration delay = null;
        synchronized (this) {
            if (s != session) {
                return;
            }
            session = null;
            pings.clear();
            closeCode = s.closeCode;
            closeReason = s.closeReason;
            String error = null;
            if (!s.deliberate) {
                error = s.error;
                if (error == null && s.closeCode == CloseCodes.ABNORMAL_CLOSURE) {
                    error = s.opened ? ErrorStrings.abnormalClosure()
                            : "connection closed before the opening handshake completed";
                }
            }
            if (error != null) {
                errorString = error;
                setStatusLocked(Status.ERROR);
            } else {
                setStatusLocked(Status.CLOSED);
            }
            ReconnectPolicy policy = options.reconnectPolicy();
            if (active && !s.deliberate && policy != null && (error != null || reconnectsAfter(s.closeCode))
                    && reconnectAttempts < policy.maxAttempts()) {
                attempt = ++reconnectAttempts;
                maxAttempts = policy.maxAttempts();
                delay = policy.delay(attempt, ThreadLocalRandom.current().nextDouble());
                scheduleReconnectLocked(delay);
            } else {
                active = false;
                if (openFuture != null) {
                    failedOpen = openFuture;
                    openFuture = null;
                    failure = new WebSocketException(error != null ? error
                            : s.deliberate ? "the WebSocket was closed before it opened"
                            : "the server closed the connection (" + s.closeCode
                                    + (s.closeReason.isEmpty() ? "" : " " + s.closeReason) + ")");
                }
            }
        }
        deliverPendingStatus();
        if (delay != null) {
            listeners.reconnecting(attempt, maxAttempts, delay);
        }
        if (failedOpen != null) {
            failedOpen.completeExceptionally(failure);
        }
    }

    private static boolean reconnectsAfter(int code) {
        for (int c : RECONNECT_CLOSE_CODES) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }

    /** Call holding the lock. */
    private void scheduleReconnectLocked(Duration delay) {
        Runnable[] task = new Runnable[1];
        task[0] = () -> reconnect(task[0]);
        reconnectTask = task[0];
        cancelReconnect = loop.schedule(task[0], delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void reconnect(Runnable task) {
        Session next;
        synchronized (this) {
            if (reconnectTask != task || !active) {
                return;
            }
            reconnectTask = null;
            cancelReconnect = null;
            next = startSessionLocked();
        }
        launch(next);
    }

    /**
     * Call holding the lock.
     *
     * @return true when a reconnect was pending
     */
    private boolean cancelReconnectLocked() {
        boolean pending = reconnectTask != null;
        reconnectTask = null;
        if (cancelReconnect != null) {
            cancelReconnect.run();
            cancelReconnect = null;
        }
        return pending;
    }

    /** Call holding the lock. */
    private void failOpenFutureLocked(String why) {
        if (openFuture != null) {
            CompletableFuture<WebSocket> f = openFuture;
            openFuture = null;
            loop.execute(() -> f.completeExceptionally(new WebSocketException(why)));
        }
    }

    // ------------------------------------------------------------------------------------------------ status events

    /** Call holding the lock: status changes are queued in the order they happen and delivered on the loop. */
    private void setStatusLocked(Status next) {
        if (status == next) {
            return;
        }
        status = next;
        if (next != Status.ERROR) {
            errorString = "";
        }
        statusEvents.add(next);
    }

    private void deliverStatus() {
        if (statusEvents.isEmpty()) {
            return;
        }
        if (loop.inEventLoop()) {
            deliverPendingStatus();
        } else {
            loop.execute(statusDelivery);
        }
    }

    /** Delivers queued status changes; on the loop, before any message so that OPEN comes first. */
    void deliverPendingStatus() {
        Status next;
        while ((next = statusEvents.poll()) != null) {
            listeners.statusChanged(next);
        }
    }

    @Override
    public String toString() {
        URI url = url();
        return "WebSocket[" + (url == null ? "no url" : url) + ", " + status + "]";
    }
}
