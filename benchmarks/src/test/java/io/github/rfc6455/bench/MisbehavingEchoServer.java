package io.github.rfc6455.bench;

import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.FrameListener;
import io.github.rfc6455.core.frame.FrameParser;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.handshake.SecWebSocketAccept;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A broken echo server for testing that the load tool notices: it either refuses the upgrade with 404, or accepts
 * it and echoes every message with its last byte changed. Blocking sockets, one thread per connection, loopback only.
 */
final class MisbehavingEchoServer implements AutoCloseable {
    enum Fault { REFUSE_UPGRADE, CORRUPT_ECHO }

    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

    private final ServerSocket listener;
    private final Fault fault;
    private final Thread acceptor;

    MisbehavingEchoServer(Fault fault) throws IOException {
        this.fault = fault;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread handler = new Thread(() -> serve(socket), "misbehaving-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String head = readHead(in);
            Matcher key = KEY.matcher(head);
            if (fault == Fault.REFUSE_UPGRADE || !key.find()) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + SecWebSocketAccept.forKey(key.group(1)) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            corruptingEcho(in, out);
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof in head");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void corruptingEcho(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int[] opcode = new int[1];
        boolean[] close = new boolean[1];
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        FrameParser parser = new FrameParser(Role.SERVER, 1 << 24, 0);
        FrameListener listener = new FrameListener() {
            private int frameOpcode;
            private boolean fin;

            @Override
            public void onFrameHeader(boolean fin, int rsv, int frameOpcode, long payloadLength) {
                this.frameOpcode = frameOpcode;
                this.fin = fin;
                if (frameOpcode == Opcode.TEXT || frameOpcode == Opcode.BINARY) {
                    opcode[0] = frameOpcode;
                    message.reset();
                }
            }

            @Override
            public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
                byte[] bytes = new byte[payload.remaining()];
                payload.get(bytes);
                if (frameOpcode == Opcode.CLOSE) {
                    close[0] = true;
                    return;
                }
                message.writeBytes(bytes);
                if (frameComplete && fin && !Opcode.isControl(frameOpcode)) {
                    byte[] echo = message.toByteArray();
                    if (echo.length > 0) {
                        echo[echo.length - 1] ^= 0x01;
                    }
                    ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_LENGTH + echo.length);
                    FrameEncoder.encode(frame, true, 0, opcode[0], ByteBuffer.wrap(echo), false, 0);
                    replies.write(frame.array(), 0, frame.position());
                }
            }

            @Override
            public void onFrameError(int closeCode, String reason) {
                close[0] = true;
            }
        };
        byte[] buffer = new byte[65536];
        while (!close[0]) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            parser.parse(ByteBuffer.wrap(buffer, 0, n), listener);
            replies.writeTo(out);
            replies.reset();
        }
    }
}
