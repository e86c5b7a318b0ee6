package io.github.rfc6455.client;

import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.message.MessageAssembler;
import io.github.rfc6455.nio.Connection;
import io.github.rfc6455.nio.EventLoop;
import io.github.rfc6455.nio.TransportListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;

/**
 * One connection attempt of a {@link WebSocket}, from name resolution to the closed TCP connection: it creates the
 * channel, the TLS engine, the proxy tunnel, the protocol engine and the transport, and turns what they report into
 * the socket's events. A socket that reconnects runs a new session for every attempt.
 *
 * <p>Thread-safety: {@link #start()} and every callback run on the socket's event loop; {@link #engine},
 * {@link #connection} and {@link #deliberate} are read from any thread.
 */
final class Session implements EngineListener, TransportListener {
    private final WebSocket socket;
    private final WebSocketRequest request;
    private final WebSocketOptions options;
    private final EventLoop loop;
    private final Listeners listeners;
    private final String host;
    private final int port;

    volatile WebSocketEngine engine;
    private volatile Connection connection;
    /** Where TCP goes: the server's or the proxy's address, for error strings. */
    private String address;
    /** The application closed or replaced this session: its end is not an error and never reconnects. */
    volatile boolean deliberate;
    private boolean ended;

    // Results, written on the loop before end() and read by the socket afterwards.
    boolean opened;
    String error;
    int closeCode = CloseCodes.ABNORMAL_CLOSURE;
    String closeReason = "";

    // Frame events: whole messages assembled from the pieces.
    private MessageAssembler assembler;
    private TextFrames textFrames;

    Session(WebSocket socket, WebSocketRequest request, WebSocketOptions options, EventLoop loop,
            Listeners listeners) {
        this.socket = socket;
        this.request = request;
        this.options = options;
        this.loop = loop;
        this.listeners = listeners;
        URI url = request.url();
        this.host = Urls.host(url);
        this.port = Urls.port(url);
    }

    /** Resolves the server's (or proxy's) address, then connects. Runs on the loop. */
    void start() {
        if (deliberate) {
            end();
            return;
        }
        HttpProxy proxy = options.proxy();
        String targetHost = proxy == null ? host : proxy.host();
        int targetPort = proxy == null ? port : proxy.port();
        if (Urls.isIpLiteral(targetHost)) {
            try {
                connect(new InetSocketAddress(InetAddress.getByName(targetHost), targetPort));
            } catch (UnknownHostException e) {
                failEarly("invalid address " + targetHost);
            }
            return;
        }
        ClientLoops.resolver().execute(() -> {
            InetSocketAddress address;
            try {
                address = new InetSocketAddress(InetAddress.getByName(targetHost), targetPort);
            } catch (UnknownHostException e) {
                loop.execute(() -> failEarly("cannot resolve host " + targetHost));
                return;
            }
            loop.execute(() -> connect(address));
        });
    }

    private void connect(InetSocketAddress address) {
        if (deliberate) {
            end();
            return;
        }
        SocketChannel channel;
        SSLEngine tls;
        try {
            tls = Urls.secure(request.url())
                    ? TlsEngines.create(options.sslContext(), host, port, options.verifyHostname()) : null;
            channel = SocketChannel.open();
        } catch (IOException | RuntimeException e) {
            failEarly("cannot open a connection to " + address + ": " + e.getMessage());
            return;
        }
        String ip = address.getAddress().getHostAddress();
        this.address = (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + address.getPort();
        WebSocketConfig config = options.engineConfig();
        Connection c = new Connection(loop, channel, options.transportConfig(), tls, this);
        WebSocketEngine e = WebSocketEngine.client(request.handshake(WebSocketEngine.extensionOffers(config)), config,
                this, c);
        c.attach(e);
        engine = e;
        connection = c;
        HttpProxy proxy = options.proxy();
        c.connect(address, proxy == null ? null
                : new ConnectTunnel(request.url().getHost(), port, proxy.authorization()));
    }

    private void failEarly(String reason) {
        if (error == null) {
            error = reason;
        }
        end();
    }

    /** Closes TCP now (Qt's {@code abort()}); from any thread. */
    void abort() {
        deliberate = true;
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }

    /** @return the connection, or null before it exists */
    Connection connection() {
        return connection;
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (textFrames != null) {
            textFrames.reset();
        }
        if (assembler != null) {
            assembler.reset();
        }
        socket.sessionEnded(this);
    }

    // ------------------------------------------------------------------------------------------------ engine

    @Override
    public void onOpen() {
        opened = true;
        if (options.frameEvents()) {
            WebSocketConfig config = options.engineConfig();
            assembler = new MessageAssembler(config.maxMessageSize(), config.maxFragmentsPerMessage());
            textFrames = new TextFrames();
        }
        socket.sessionOpened(this);
    }

    @Override
    public void onHandshakeFailure(HandshakeException failure) {
        if (error == null) {
            error = ErrorStrings.handshake(failure);
        }
    }

    @Override
    public void onText(String text) {
        socket.deliverPendingStatus();
        listeners.textMessage(text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
        socket.deliverPendingStatus();
        listeners.binaryMessage(data);
    }

    @Override
    public void onFragment(boolean text, ByteBuffer data, boolean last) {
        socket.deliverPendingStatus();
        int position = data.position();
        if (text) {
            listeners.textFrame(textFrames.decode(data, last), last);
        } else {
            listeners.binaryFrame(data, last);
        }
        data.position(position);
        if (!assembler.inMessage()) {
            assembler.begin(text ? Opcode.TEXT : Opcode.BINARY, false);
        }
        // The engine checked the limits and the UTF-8 already, so this cannot fail.
        assembler.append(data, -1);
        if (last) {
            if (text) {
                String message = assembler.text();
                assembler.reset();
                listeners.textMessage(message);
            } else {
                ByteBuffer message = assembler.content();
                assembler.reset();
                listeners.binaryMessage(message);
            }
        }
    }

    @Override
    public void onPong(ByteBuffer payload) {
        socket.deliverPendingStatus();
        listeners.pong(socket.pings.pong(payload, System.nanoTime()), payload);
    }

    @Override
    public void onCloseReceived(int code, String reason) {
        socket.sessionClosing(this);
    }

    @Override
    public void onFailure(int code, String message) {
        if (error == null) {
            error = ErrorStrings.failure(code, message);
        }
        socket.sessionClosing(this);
    }

    @Override
    public void onClose(int code, String reason, boolean closedByPeer) {
        closeCode = code;
        closeReason = reason;
    }

    // ------------------------------------------------------------------------------------------------ transport

    @Override
    public void onTransportFailure(String reason, Throwable cause) {
        if (error == null) {
            error = ErrorStrings.transport(reason, cause, host, address);
        }
    }

    @Override
    public void onTransportClosed() {
        end();
    }
}
