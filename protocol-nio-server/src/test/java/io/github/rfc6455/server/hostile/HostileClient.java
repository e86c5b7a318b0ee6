package io.github.rfc6455.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.MaskKeys;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A blocking client over a plain (or TLS) socket that can send what no well-behaved client would: any bytes, any
 * frame header, any number of frames. Frames it sends are masked with protocol-core's {@link FrameEncoder}; frames
 * it reads are decoded here from RFC 6455 section 5.2. Every read times out (20 s by default), so a test cannot hang.
 *
 * <p>Not thread-safe, except that one thread may write while another reads.
 */
final class HostileClient implements AutoCloseable {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** A frame from the server. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** An HTTP response head, with its body when it has a Content-Length. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private HostileClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /** @return a client connected to the loopback port, reads timing out after 20 s */
    static HostileClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** @param receiveBuffer SO_RCVBUF to ask for before connecting (a client that reads little), 0 for the default */
    static HostileClient connect(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        return new HostileClient(socket);
    }

    /** @return a client connected over TLS (handshake done) to the loopback port */
    static HostileClient connectTls(int port, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        return new HostileClient(socket);
    }

    static String upgradeRequest(String path, String extraHeaderLines) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + extraHeaderLines + "\r\n";
    }

    /** Sends a valid upgrade request and checks the 101. */
    HostileClient open(String path, String extraHeaderLines) throws IOException {
        write(upgradeRequest(path, extraHeaderLines));
        Reply reply = readReply();
        assertEquals(101, reply.status(), () -> "expected 101, got " + reply);
        return this;
    }

    HostileClient open() throws IOException {
        return open("/echo", "");
    }

    void setTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    void write(String ascii) throws IOException {
        write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Buffers bytes without flushing (many small frames in few writes). */
    void buffer(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    void flush() throws IOException {
        out.flush();
    }

    /** @return one client frame, masked with a fresh key (RFC 6455 section 5.3) */
    static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.headerLength(payload.length, true) + payload.length);
        FrameEncoder.encode(frame, fin, rsv << 4, opcode, ByteBuffer.wrap(payload), true, MaskKeys.next());
        return frame.array();
    }

    /** @return a masked frame header alone, announcing any 64-bit length, even one with the top bit set */
    static byte[] header(int firstByte, long length) {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) firstByte).put((byte) (0x80 | 127)).putLong(length).putInt(MaskKeys.next());
        return header.array();
    }

    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        write(frame(fin, 0, opcode, payload));
    }

    void sendText(String text) throws IOException {
        send(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a text message and checks that the server echoes it (the canary of every hostile test). */
    void assertEchoes(String text) throws IOException {
        sendText(text);
        Frame frame = readFrame();
        while (frame.opcode() == PONG || frame.opcode() == PING) {
            frame = readFrame();
        }
        assertEquals(TEXT, frame.opcode(), "the canary got no text frame back");
        assertEquals(text, frame.text(), "the canary's echo differs");
    }

    Reply readReply() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        String body = length == null ? "" : new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        return new Reply(status, headers, body);
    }

    /** Reads one server frame (a server never masks, RFC 6455 section 5.1). */
    Frame readFrame() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        if ((b1 & 0x80) != 0) {
            throw new IOException("masked frame from the server");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("frame too long: " + length);
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new EOFException("connection closed in a frame payload");
        }
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0xF, payload);
    }

    /** Reads until a Close frame; @return its code, and fails if a data frame comes first */
    int readCloseCode() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == CLOSE) {
                return frame.closeCode();
            }
            if (frame.opcode() != PING && frame.opcode() != PONG) {
                throw new AssertionError("a data frame (" + frame.payload().length + " bytes) before the close");
            }
        }
    }

    /** @return true when the server closed TCP (end of stream or reset) before the read timeout */
    boolean awaitEof() throws IOException {
        try {
            byte[] sink = new byte[8192];
            while (true) {
                if (in.read(sink) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed");
        }
        return b;
    }

    Socket socket() {
        return socket;
    }

    InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
