package io.github.rfc6455.core;

import io.github.rfc6455.core.extension.ExtensionNegotiationException;
import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.MessageExtension;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.CloseFrames;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.FrameListener;
import io.github.rfc6455.core.frame.FrameParser;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.handshake.ClientHandshake;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HandshakeResponse;
import io.github.rfc6455.core.handshake.HttpHeadParser;
import io.github.rfc6455.core.handshake.HttpHeaders;
import io.github.rfc6455.core.handshake.HttpRequestHead;
import io.github.rfc6455.core.handshake.ServerHandshake;
import io.github.rfc6455.core.handshake.UpgradeRequest;
import io.github.rfc6455.core.message.MessageAssembler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One WebSocket connection as a sans-I/O state machine (RFC 6455): bytes in through {@link #receive}, events out
 * through an {@link EngineListener}; calls in through {@link #sendText}, {@link #sendBinary}, {@link #ping},
 * {@link #close}, bytes out through an {@link Outbound}. It runs the opening handshake of its role, parses and
 * assembles frames, validates UTF-8, answers pings, runs the closing handshake, and turns every violation into one
 * failure path that sends the right close code once (section 7.1.7).
 *
 * <p>States ({@link ConnectionState}): CONNECTING until the handshake completes, OPEN, CLOSING once a Close frame
 * was sent or received or the connection failed, CLOSED once the transport reports it closed.
 *
 * <p>Threading: {@link #receive}, {@link #transportClosed}, {@link #accept}, {@link #reject} and {@link #respond}
 * must be called by one thread at a time (the connection's event loop); listener methods run on that thread. The
 * send methods ({@link #sendText}, {@link #sendBinary}, {@link #sendPrepared}, {@link #ping}, {@link #pong},
 * {@link #close}) are thread-safe: they encode under the engine's lock, so frames reach the {@link Outbound} whole
 * and in order.
 */
public final class WebSocketEngine {
    /** Payloads above this many bytes that need no copy are written after their header, not copied behind it. */
    static final int GATHER_THRESHOLD = 1024;

    private final Role role;
    private final WebSocketConfig config;
    private final EngineListener listener;
    private final Outbound outbound;
    /** The receiving side; null before the handshake, and while the connection is idle (see {@link #trimIdle()}). */
    private Inbound inbound;
    /** True once frames may flow (the handshake completed). */
    private boolean framing;

    private volatile ConnectionState state = ConnectionState.CONNECTING;

    // Opening handshake; all null once it is over.
    private Opening opening = new Opening();

    // Negotiated.
    private String subprotocol;
    private List<ExtensionOffer> extensions = List.of();
    private MessageExtension extension;

    // Receiving; created when the connection opens.

    // Closing.
    private boolean closeSent;
    private boolean closeReceived;
    private boolean closedByPeer;
    private boolean failed;
    private boolean closeReported;
    private int peerCloseCode = CloseCodes.ABNORMAL_CLOSURE;
    private String closeReason = "";

    private WebSocketEngine(Role role, WebSocketConfig config, EngineListener listener, Outbound outbound) {
        this.role = role;
        this.config = config;
        this.listener = listener;
        this.outbound = outbound;
    }

    /**
     * A server-side engine waiting for the client's upgrade request.
     *
     * @param config limits and the extensions the server accepts
     * @param listener receives the request and then the connection's events
     * @param outbound takes the bytes to send
     * @return the engine, in state CONNECTING
     */
    public static WebSocketEngine server(WebSocketConfig config, EngineListener listener, Outbound outbound) {
        WebSocketEngine engine = new WebSocketEngine(Role.SERVER, config, listener, outbound);
        engine.opening.headParser = HttpHeadParser.forRequest(config.headLimits());
        return engine;
    }

    /**
     * A client-side engine; call {@link #start()} once the transport is connected to send the request.
     *
     * @param handshake the upgrade request to send; its extension offers should be {@link #extensionOffers} of the
     *                  configuration for the configured extensions to be negotiated
     * @param config limits and the extensions the client offers
     * @param listener receives the connection's events
     * @param outbound takes the bytes to send
     * @return the engine, in state CONNECTING
     */
    public static WebSocketEngine client(ClientHandshake handshake, WebSocketConfig config, EngineListener listener,
                                         Outbound outbound) {
        WebSocketEngine engine = new WebSocketEngine(Role.CLIENT, config, listener, outbound);
        engine.opening.clientHandshake = handshake;
        engine.opening.headParser = HttpHeadParser.forResponse(config.headLimits());
        return engine;
    }

    /**
     * An engine for a connection whose handshake was done elsewhere: state OPEN from the start.
     *
     * @param role this endpoint's role
     * @param config limits
     * @param extension the negotiated extension, or null
     * @param listener receives the connection's events
     * @param outbound takes the bytes to send
     * @return the open engine (no {@link EngineListener#onOpen()} call is made)
     */
    public static WebSocketEngine open(Role role, WebSocketConfig config, MessageExtension extension,
                                       EngineListener listener, Outbound outbound) {
        WebSocketEngine engine = new WebSocketEngine(role, config, listener, outbound);
        engine.opening = null;
        engine.extension = extension;
        engine.openFraming();
        return engine;
    }

    /**
     * @param config a configuration
     * @return the offers of all its extensions, in preference order, for {@link ClientHandshake.Builder}
     */
    public static List<ExtensionOffer> extensionOffers(WebSocketConfig config) {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (ExtensionNegotiator negotiator : config.extensions()) {
            offers.addAll(negotiator.offers());
        }
        return offers;
    }

    /** @return this endpoint's role */
    public Role role() {
        return role;
    }

    /** @return the current state */
    public ConnectionState state() {
        return state;
    }

    /** @return the negotiated subprotocol, or null when none was (or has not yet been) agreed */
    public String subprotocol() {
        return subprotocol;
    }

    /** @return the negotiated extensions as they appear in the response's {@code Sec-WebSocket-Extensions} */
    public List<ExtensionOffer> extensions() {
        return extensions;
    }

    /** @return the configuration */
    public WebSocketConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------------------------ opening

    /**
     * Client: sends the upgrade request (RFC 6455 section 4.1).
     *
     * @throws IllegalStateException on a server engine or when already started
     */
    public void start() {
        Opening o = opening;
        if (role != Role.CLIENT || o == null || o.clientHandshake == null || state != ConnectionState.CONNECTING
                || o.started) {
            throw new IllegalStateException("start() is for a client engine that has not started");
        }
        o.started = true;
        outbound.write(o.clientHandshake.request(), null);
    }

    /**
     * Server: completes the handshake of the pending upgrade request with a 101 response (RFC 6455 section 4.2.2),
     * negotiating the configured extensions.
     *
     * @param chosenSubprotocol one of the subprotocols the client requested, or null for none
     * @param extraHeaders more response headers (e.g. {@code Set-Cookie}), or null
     * @throws IllegalStateException when no upgrade request is pending
     * @throws IllegalArgumentException when the subprotocol was not requested
     */
    public void accept(String chosenSubprotocol, HttpHeaders extraHeaders) {
        Opening o = opening;
        UpgradeRequest request = o == null ? null : o.pendingRequest;
        if (request == null || state != ConnectionState.CONNECTING) {
            throw new IllegalStateException("no upgrade request is waiting for an answer");
        }
        List<ExtensionOffer> accepted = new ArrayList<>(1);
        MessageExtension chosen = null;
        for (ExtensionNegotiator negotiator : config.extensions()) {
            List<ExtensionOffer> offers = new ArrayList<>();
            for (ExtensionOffer offer : request.extensionOffers()) {
                if (offer.name().equalsIgnoreCase(negotiator.name())) {
                    offers.add(offer);
                }
            }
            if (offers.isEmpty() || chosen != null) {
                continue; // one RSV1 extension at a time
            }
            ExtensionNegotiator.Accepted acceptance = negotiator.accept(offers);
            if (acceptance != null) {
                accepted.add(acceptance.response());
                chosen = acceptance.extension();
            }
        }
        ByteBuffer response = ServerHandshake.accept(request, chosenSubprotocol, accepted, extraHeaders);
        ByteBuffer early = o.earlyInput;
        completeOpening(chosenSubprotocol, List.copyOf(accepted), chosen, response);
        if (early != null && framesFollow()) {
            receive(early);
        }
    }

    /**
     * Server: refuses the pending request with an HTTP error response and closes the transport once it is written.
     *
     * @param status the HTTP status: 400, 403, 404, 426 (adds {@code Sec-WebSocket-Version: 13}), 431, 503...
     * @param reason the reason, sent as the response body
     */
    public void reject(int status, String reason) {
        respond(ServerHandshake.reject(status, reason, null));
    }

    /**
     * Server: answers a pending request with a complete HTTP response of the application's (for a plain HTTP request,
     * see {@link EngineListener#onHttpRequest}), then closes the transport once it is written.
     *
     * @param httpResponse the response bytes
     * @throws IllegalStateException when no request is waiting for an answer
     */
    public void respond(ByteBuffer httpResponse) {
        if (opening == null || !opening.awaitingDecision || state != ConnectionState.CONNECTING) {
            throw new IllegalStateException("no request is waiting for an answer");
        }
        opening = null;
        state = ConnectionState.CLOSED;
        outbound.write(httpResponse, null);
        outbound.closeTransport(false);
    }

    // ------------------------------------------------------------------------------------------------ receiving

    /**
     * Processes received bytes: handshake bytes while CONNECTING, then frames. Consumes all of {@code in}; bytes
     * after a Close frame or a failure are discarded. Masked frames are unmasked in place.
     *
     * @param in the received bytes between position and limit
     */
    public void receive(ByteBuffer in) {
        if (state == ConnectionState.CONNECTING && !receiveHandshake(in)) {
            in.position(in.limit()); // what is not kept for later (early frames) is dropped with the handshake
            return;
        }
        if (framing && !failed && !closeReceived && state != ConnectionState.CLOSED && in.hasRemaining()) {
            Inbound i = inbound;
            if (i == null) {
                i = new Inbound();
                inbound = i;
            }
            i.parser.parse(in, i);
        }
        in.position(in.limit());
    }

    /**
     * Releases the receiving side's parser and message assembler when no frame or message is in progress; the next
     * bytes create them again. The transport calls this for a connection that has been quiet for a while, so that
     * idle connections hold as little as possible. Call on the receiving thread.
     */
    public void trimIdle() {
        Inbound i = inbound;
        if (i != null && state == ConnectionState.OPEN && i.isIdle()) {
            inbound = null;
        }
    }

    /** @return true while part of a message is held in the assembler's storage (for tests) */
    boolean holdsMessageBytes() {
        Inbound i = inbound;
        return i != null && !i.message.nothingStored();
    }

    /** @return true while the receiving side holds a parser and an assembler (for tests) */
    boolean holdsReceiveState() {
        return inbound != null;
    }

    /**
     * Stops the parse in progress, if any, and drops a half-assembled message at once: nothing after a failure or a
     * Close frame is processed, so its storage (up to the message limit) need not wait for TCP to close.
     */
    private void stopParsing() {
        Inbound i = inbound;
        if (i != null) {
            i.parser.stop();
            i.message.reset();
        }
    }

    /** @return true when the connection opened and the rest of {@code in} holds frames */
    private boolean receiveHandshake(ByteBuffer in) {
        if (opening.awaitingDecision) {
            stashEarlyInput(in);
            return false;
        }
        try {
            if (!opening.headParser.parse(in)) {
                return false;
            }
        } catch (HandshakeException e) {
            handshakeFailed(e);
            return false;
        }
        return role == Role.SERVER ? onRequestHead(in) : onResponseHead(in);
    }

    private boolean onRequestHead(ByteBuffer in) {
        HttpRequestHead head = opening.headParser.request();
        opening.headParser = null;
        opening.awaitingDecision = true;
        if (!ServerHandshake.isUpgradeRequest(head)) {
            listener.onHttpRequest(this, head);
        } else {
            try {
                opening.pendingRequest = ServerHandshake.validate(head);
            } catch (HandshakeException e) {
                opening.awaitingDecision = false;
                handshakeFailed(e);
                return false;
            }
            listener.onUpgradeRequest(this, opening.pendingRequest);
        }
        if (framesFollow()) {
            return true;
        }
        if (opening != null && opening.awaitingDecision) {
            stashEarlyInput(in);
        }
        return false;
    }

    private boolean onResponseHead(ByteBuffer in) {
        HandshakeResponse response;
        MessageExtension chosen = null;
        try {
            response = opening.clientHandshake.validate(opening.headParser.response());
            for (ExtensionOffer element : response.extensions()) {
                ExtensionNegotiator negotiator = negotiatorFor(element.name());
                if (negotiator == null || chosen != null) {
                    throw new HandshakeException(response.head().status(),
                            "server accepted extension " + element.name() + " which cannot be used");
                }
                chosen = negotiator.acceptResponse(element);
            }
        } catch (HandshakeException e) {
            handshakeFailed(e);
            return false;
        } catch (ExtensionNegotiationException e) {
            handshakeFailed(new HandshakeException(opening.headParser.response().status(),
                    "invalid Sec-WebSocket-Extensions in the response: " + e.getMessage()));
            return false;
        }
        completeOpening(response.subprotocol(), response.extensions(), chosen, null);
        return framesFollow();
    }

    /** Both roles: the handshake succeeded; the server's 101 response goes out first, then frames may. */
    private void completeOpening(String chosenSubprotocol, List<ExtensionOffer> chosenExtensions,
                                 MessageExtension chosen, ByteBuffer response) {
        opening = null;
        subprotocol = chosenSubprotocol;
        extensions = chosenExtensions;
        extension = chosen;
        synchronized (this) {
            if (response != null) {
                outbound.write(response, null);
            }
            openFraming();
        }
        listener.onOpen();
    }

    /**
     * @return true once the handshake completed and frames are still read: OPEN, or CLOSING because this side sent a
     *     Close frame (even from {@link EngineListener#onOpen}); the peer's frames and its Close must still be read
     *     (RFC 6455 section 7.1.2)
     */
    private boolean framesFollow() {
        return state == ConnectionState.OPEN || state == ConnectionState.CLOSING;
    }

    private ExtensionNegotiator negotiatorFor(String name) {
        for (ExtensionNegotiator negotiator : config.extensions()) {
            if (negotiator.name().equalsIgnoreCase(name)) {
                return negotiator;
            }
        }
        return null;
    }

    private void stashEarlyInput(ByteBuffer in) {
        int n = in.remaining();
        if (n == 0) {
            return;
        }
        int held = opening.earlyInput == null ? 0 : opening.earlyInput.remaining();
        if (held + n > config.headLimits().maxHeadBytes()) {
            handshakeFailed(new HandshakeException(400, "data sent before the handshake completed"));
            return;
        }
        ByteBuffer joined = ByteBuffer.allocate(held + n);
        if (opening.earlyInput != null) {
            joined.put(opening.earlyInput);
        }
        joined.put(in).flip();
        opening.earlyInput = joined;
    }

    private void handshakeFailed(HandshakeException e) {
        opening = null;
        state = ConnectionState.CLOSED;
        if (role == Role.SERVER) {
            outbound.write(ServerHandshake.reject(e.status() == 0 ? 400 : e.status(), e.getMessage(), null), null);
        }
        outbound.closeTransport(false);
        listener.onHandshakeFailure(e);
    }

    private void openFraming() {
        inbound = new Inbound();
        framing = true;
        state = ConnectionState.OPEN;
    }

    /**
     * The transport closed (either side closed TCP, or it failed). Moves to CLOSED and reports
     * {@link EngineListener#onClose} once (or {@link EngineListener#onHandshakeFailure} when the connection never
     * opened), then releases what the connection held.
     */
    public void transportClosed() {
        ConnectionState previous;
        synchronized (this) {
            // Under the send lock: a close() running on another thread must not turn CLOSED back into CLOSING.
            previous = state;
            state = ConnectionState.CLOSED;
        }
        stopParsing();
        if (previous == ConnectionState.CONNECTING) {
            Opening o = opening;
            opening = null;
            if (role == Role.CLIENT && o != null && o.clientHandshake != null) {
                listener.onHandshakeFailure(new HandshakeException(0,
                        "connection closed before the opening handshake completed"));
            }
            return;
        }
        if (closeReported || !framing) {
            return;
        }
        closeReported = true;
        int code = closeReceived ? peerCloseCode : CloseCodes.ABNORMAL_CLOSURE;
        inbound = null;
        synchronized (this) {
            if (extension != null) {
                extension.close();
            }
        }
        listener.onClose(code, closeReason, closedByPeer);
    }

    // ------------------------------------------------------------------------------------------------ sending

    /**
     * Sends a text message (fragmented by {@link WebSocketConfig#outgoingFrameSize()}, compressed when an extension
     * chooses to).
     *
     * @param text the message; unpaired surrogates are sent as '?'
     * @param callback told when the message was written, or why not; may be null
     * @return false when the connection is not open (the callback is then told so)
     */
    public boolean sendText(CharSequence text, SendCallback callback) {
        return sendMessage(Opcode.TEXT, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), true,
                callback);
    }

    /**
     * Sends a binary message.
     *
     * @param data the message between position and limit; not moved, and free to reuse once this returns
     * @param callback told when the message was written, or why not; may be null
     * @return false when the connection is not open (the callback is then told so)
     */
    public boolean sendBinary(ByteBuffer data, SendCallback callback) {
        return sendMessage(Opcode.BINARY, data.duplicate(), false, callback);
    }

    /**
     * Server: sends a message encoded once for many connections.
     *
     * @param prepared the message
     * @param callback told when the message was written, or why not; may be null
     * @return false when the connection is not open
     * @throws IllegalStateException on a client engine (client frames need a fresh mask each)
     */
    public boolean sendPrepared(PreparedMessage prepared, SendCallback callback) {
        if (role != Role.SERVER) {
            throw new IllegalStateException("prepared messages are unmasked server frames");
        }
        synchronized (this) {
            if (canSend()) {
                outbound.write(prepared.frames(), callback);
                return true;
            }
        }
        return refuse(callback);
    }

    /**
     * Sends a ping (RFC 6455 section 5.5.2).
     *
     * @param payload at most 125 bytes between position and limit (not moved)
     * @return false when the connection is not open
     * @throws IllegalArgumentException when the payload is longer than 125 bytes
     */
    public boolean ping(ByteBuffer payload) {
        return sendControl(Opcode.PING, payload, null);
    }

    /**
     * Sends an unsolicited pong (RFC 6455 section 5.5.3: a unidirectional heartbeat).
     *
     * @param payload at most 125 bytes between position and limit (not moved)
     * @return false when the connection is not open
     */
    public boolean pong(ByteBuffer payload) {
        return sendControl(Opcode.PONG, payload, null);
    }

    /**
     * Starts the closing handshake (RFC 6455 section 7.1.2). Nothing more can be sent afterwards; the connection is
     * closed when the peer's Close frame arrives and the transport closes. Does nothing when a Close frame was
     * already sent.
     *
     * @param code a code valid on the wire (1000-1003, 1007-1014, 3000-4999), or 1005 to send no code
     * @param reason the reason, at most 123 bytes of UTF-8 (longer is cut), may be null
     * @throws IllegalArgumentException when the code may not be sent
     */
    public void close(int code, String reason) {
        ByteBuffer body = CloseFrames.body(code, reason);
        synchronized (this) {
            if (closeSent || state == ConnectionState.CLOSED || state == ConnectionState.CONNECTING) {
                return;
            }
            // A received Close is answered at once, so closeSent is already true when one arrived before.
            writeClose(body);
        }
    }

    /**
     * @param owned true when nobody else holds the payload's bytes (the fresh UTF-8 of a text), so a large unmasked
     *              frame can go out from them without a copy
     */
    private boolean sendMessage(int opcode, ByteBuffer payload, boolean owned, SendCallback callback) {
        synchronized (this) {
            if (canSend()) {
                writeMessage(opcode, payload, owned, callback);
                return true;
            }
        }
        return refuse(callback);
    }

    /** Call holding the lock. */
    private void writeMessage(int opcode, ByteBuffer payload, boolean owned, SendCallback callback) {
        int rsv = 0;
        MessageExtension ext = extension;
        if (ext != null && ext.shouldEncode(payload.remaining(), opcode == Opcode.TEXT)) {
            ByteBuffer encoded = ext.encode(payload);
            if (encoded != null) {
                payload = encoded;
                rsv = ext.rsvBits();
            }
        }
        int length = payload.remaining();
        if (owned && rsv == 0 && !role.masksOutgoing() && length > GATHER_THRESHOLD
                && length <= config.outgoingFrameSize()) {
            // One large unmasked frame from bytes nobody else holds: write the header, then the payload as it is
            // (the transport writes both with one gathering write), instead of copying it behind the header.
            ByteBuffer header = ByteBuffer.allocate(FrameEncoder.headerLength(length, false));
            FrameEncoder.encodeHeader(header, true, 0, opcode, length, false, 0);
            outbound.write(header.flip(), payload, callback);
        } else {
            outbound.write(PreparedMessage.Frames.encodeMessage(opcode, rsv, payload, role.masksOutgoing(),
                    config.outgoingFrameSize()), callback);
        }
    }

    private boolean sendControl(int opcode, ByteBuffer payload, SendCallback callback) {
        if (payload.remaining() > 125) {
            throw new IllegalArgumentException("control frame payload longer than 125 bytes (RFC 6455 section 5.5)");
        }
        synchronized (this) {
            if (canSend()) {
                writeControl(opcode, payload, callback);
                return true;
            }
        }
        return refuse(callback);
    }

    /** Call holding the lock. */
    private boolean canSend() {
        return state == ConnectionState.OPEN && !closeSent;
    }

    /**
     * Tells the callback that a send was refused. Called after the lock was released: a callback may run the
     * application's code, which may send on other connections.
     *
     * @return false, what the refused send returns
     */
    private boolean refuse(SendCallback callback) {
        if (callback != null) {
            callback.onComplete(new IllegalStateException("the WebSocket is not open (" + state + ")"));
        }
        return false;
    }

    /** Call holding the lock. */
    private void writeControl(int opcode, ByteBuffer payload, SendCallback callback) {
        outbound.write(PreparedMessage.Frames.encodeMessage(opcode, 0, payload, role.masksOutgoing(), 125), callback);
    }

    /** Call holding the lock. */
    private void writeClose(ByteBuffer body) {
        writeControl(Opcode.CLOSE, body, null);
        closeSent = true;
        if (state == ConnectionState.OPEN) {
            state = ConnectionState.CLOSING;
        }
    }

    /**
     * Call holding the lock: the closing handshake is under way (a Close received, or the connection failed). Sends
     * the Close unless one was sent already, and enters CLOSING unless the transport is already gone.
     *
     * @return true when this call sent the Close
     */
    private boolean closeOnce(ByteBuffer body) {
        boolean sending = !closeSent;
        if (sending) {
            writeClose(body);
        }
        if (state != ConnectionState.CLOSED) {
            state = ConnectionState.CLOSING;
        }
        return sending;
    }

    // ------------------------------------------------------------------------------------------------ failing

    /**
     * Fails the connection (RFC 6455 section 7.1.7): sends a Close frame with {@code code} unless one was sent, stops
     * reading, and asks the transport to close. Also for the application, e.g. 1008 for a policy violation; call it on
     * the receiving thread.
     *
     * @param code the status code to send
     * @param message what was wrong (sent as the reason, cut to 123 bytes)
     * @throws IllegalArgumentException when the code may not be sent (section 7.4); nothing is changed then
     */
    public void fail(int code, String message) {
        if (failed || state == ConnectionState.CLOSED || state == ConnectionState.CONNECTING) {
            return;
        }
        ByteBuffer body = CloseFrames.body(code, message); // checks the code before anything changes
        failed = true;
        if (closeReason.isEmpty()) {
            closeReason = message;
        }
        stopParsing();
        synchronized (this) {
            closeOnce(body);
        }
        outbound.closeTransport(false);
        listener.onFailure(code, message);
    }

    private static String describe(int code) {
        switch (code) {
            case CloseCodes.INVALID_FRAME_PAYLOAD_DATA:
                return "invalid UTF-8 in a text message (RFC 6455 section 8.1)";
            case CloseCodes.MESSAGE_TOO_BIG:
                return "message exceeds the configured maximum size";
            default:
                return "protocol error";
        }
    }

    // ------------------------------------------------------------------------------------------------ frames

    /** The opening handshake's state, dropped once the handshake is over so an open connection does not keep it. */
    private static final class Opening {
        HttpHeadParser headParser;
        ClientHandshake clientHandshake;
        UpgradeRequest pendingRequest;
        boolean awaitingDecision;
        ByteBuffer earlyInput;
        boolean started;
    }

    /** Turns parsed frames into messages and control actions. One per engine; runs on the receiving thread. */
    private final class Inbound implements FrameListener, MessageExtension.DecodedSink {
        private final FrameParser parser;
        private final MessageAssembler message;
        // The current frame's opcode, FIN and length are read from the parser: only what it cannot know is kept here.
        private boolean firstChunkOfMessage;
        private ByteBuffer control;
        private int sinkError;

        Inbound() {
            parser = new FrameParser(role, config.maxFramePayload(), extension == null ? 0 : extension.rsvBits());
            message = new MessageAssembler(config.maxMessageSize(), config.maxFragmentsPerMessage());
        }

        /** @return true between frames with no message in progress: nothing would be lost by dropping this */
        boolean isIdle() {
            return parser.atFrameBoundary() && !message.inMessage() && control == null;
        }

        @Override
        public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
            if (Opcode.isControl(opcode)) {
                control = null;
                return;
            }
            if (opcode == Opcode.CONTINUATION) {
                if (!message.inMessage()) {
                    fail(CloseCodes.PROTOCOL_ERROR, "continuation frame without a message to continue (RFC 6455 section 5.4)");
                    return;
                }
                if (rsv != 0) {
                    fail(CloseCodes.PROTOCOL_ERROR, "RSV bit set on a continuation frame (RFC 7692 section 6.1)");
                    return;
                }
            } else {
                if (message.inMessage()) {
                    fail(CloseCodes.PROTOCOL_ERROR,
                            "new data frame while a fragmented message is in progress (RFC 6455 section 5.4)");
                    return;
                }
                message.begin(opcode, rsv != 0);
                firstChunkOfMessage = true;
            }
            if (!message.countFrame()) {
                fail(CloseCodes.MESSAGE_TOO_BIG, "more than " + config.maxFragmentsPerMessage()
                        + " frames in one message");
            } else if (!message.fits(payloadLength)) {
                fail(CloseCodes.MESSAGE_TOO_BIG, describe(CloseCodes.MESSAGE_TOO_BIG));
            }
        }

        @Override
        public void onFrameError(int closeCode, String reason) {
            fail(closeCode, reason);
        }

        @Override
        public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
            if (Opcode.isControl(parser.opcode())) {
                onControlChunk(payload, frameComplete);
                return;
            }
            boolean endOfMessage = frameComplete && parser.fin();
            int code;
            if (message.compressed()) {
                sinkError = 0;
                code = extension.decode(payload, endOfMessage, this);
                if (code != 0) {
                    fail(code, code == sinkError ? describe(code) : "invalid compressed data (RFC 7692 section 6.2)");
                }
                return;
            }
            code = accept(payload, endOfMessage);
            if (code != 0) {
                fail(code, describe(code));
            }
        }

        /** Message bytes, decoded if the message was compressed. */
        @Override
        public int accept(ByteBuffer data, boolean endOfMessage) {
            int code;
            if (config.deliverFragments()) {
                code = message.check(data);
                if (code == 0 && endOfMessage) {
                    code = message.checkEnd();
                }
                if (code == 0) {
                    listener.onFragment(message.isText(), data, endOfMessage);
                    if (endOfMessage) {
                        message.reset();
                    }
                }
            } else if (endOfMessage && firstChunkOfMessage && message.nothingStored()) {
                code = deliverWhole(data);
            } else {
                firstChunkOfMessage = false;
                // Uncompressed, the final frame's length tells the message's size: grow no further than that.
                long sizeHint = parser.fin() && !message.compressed()
                        ? message.length() + data.remaining() + parser.remaining() : -1;
                code = message.append(data, sizeHint);
                if (code == 0 && endOfMessage) {
                    code = deliverAssembled();
                }
            }
            return sinkError = code;
        }

        /** Zero-copy path: the whole message is in one chunk of the input. */
        private int deliverWhole(ByteBuffer data) {
            int code = message.check(data);
            if (code == 0) {
                code = message.checkEnd();
            }
            if (code != 0) {
                return code;
            }
            boolean text = message.isText();
            message.reset();
            if (text) {
                listener.onText(decodeUtf8(data));
            } else {
                listener.onBinary(data);
            }
            return 0;
        }

        private int deliverAssembled() {
            int code = message.checkEnd();
            if (code != 0) {
                return code;
            }
            if (message.isText()) {
                String text = message.text();
                message.reset();
                listener.onText(text);
            } else {
                ByteBuffer content = message.content();
                message.reset();
                listener.onBinary(content);
            }
            return 0;
        }

        private void onControlChunk(ByteBuffer payload, boolean complete) {
            if (complete && control == null) {
                onControlFrame(payload);
                return;
            }
            if (control == null) {
                control = ByteBuffer.allocate((int) parser.payloadLength());
            }
            control.put(payload);
            if (complete) {
                ByteBuffer whole = control.flip();
                control = null;
                onControlFrame(whole);
            }
        }

        private void onControlFrame(ByteBuffer payload) {
            switch (parser.opcode()) {
                case Opcode.PING:
                    synchronized (WebSocketEngine.this) {
                        if (!closeSent && state == ConnectionState.OPEN) {
                            writeControl(Opcode.PONG, payload, null);
                        }
                    }
                    listener.onPing(payload);
                    break;
                case Opcode.PONG:
                    listener.onPong(payload);
                    break;
                default:
                    onCloseFrame(payload);
                    break;
            }
        }

        private void onCloseFrame(ByteBuffer payload) {
            int code = CloseFrames.code(payload);
            if (code < 0) {
                fail(CloseCodes.PROTOCOL_ERROR, payload.remaining() == 1
                        ? "close frame with a 1-byte payload (RFC 6455 section 5.5.1)"
                        : "close frame with an invalid status code (RFC 6455 section 7.4)");
                return;
            }
            String reason = CloseFrames.reason(payload);
            if (reason == null) {
                fail(CloseCodes.INVALID_FRAME_PAYLOAD_DATA, "close reason is not valid UTF-8 (RFC 6455 section 5.5.1)");
                return;
            }
            closeReceived = true;
            peerCloseCode = code;
            closeReason = reason;
            stopParsing();
            synchronized (WebSocketEngine.this) {
                // Echo the peer's code (section 5.5.1); answer a close without a code with 1000.
                closedByPeer = closeOnce(CloseFrames.body(code == CloseCodes.NO_STATUS_RECEIVED
                        ? CloseCodes.NORMAL_CLOSURE : code, ""));
            }
            listener.onCloseReceived(code, reason);
            // The server closes TCP first (section 7.1.1); a client waits for it, then closes itself.
            outbound.closeTransport(role == Role.CLIENT);
        }
    }

    private static String decodeUtf8(ByteBuffer data) {
        if (data.hasArray()) {
            return new String(data.array(), data.arrayOffset() + data.position(), data.remaining(),
                    StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[data.remaining()];
        data.get(data.position(), copy);
        return new String(copy, StandardCharsets.UTF_8);
    }
}
