package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A blocking WebSocket client over a plain (or TLS) socket with its own minimal frame codec (written from RFC 6455
 * section 5.2, independent of protocol-core), for tests that must send what a well-behaved client never would (any
 * bytes, any frame header, any number of frames) and read exactly what the server answers. Every read has a timeout,
 * so a test cannot hang. Shared by the tests of this package and the hostile-client tests.
 *
 * <p>Not thread-safe, except that one thread may write while another reads.
 */
public final class RawClient implements AutoCloseable {
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CONTINUATION = 0x0;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /** A frame as read from the server. */
    public record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    /** An HTTP response head with its body (read by Content-Length). */
    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /**
     * @param port a loopback port
     * @param receiveBuffer SO_RCVBUF to set before connecting, or 0 for the default
     * @return a connected client whose reads time out after 20 s
     */
    public static RawClient connect(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        return new RawClient(socket);
    }

    public static RawClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /**
     * @param port a loopback port
     * @param context trusts the server's certificate
     * @return a client connected over TLS, handshake done, reads timing out after 20 s
     */
    public static RawClient connectTls(int port, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        return new RawClient(socket);
    }

    static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** @return a valid upgrade request for the path, with extra header lines (each ending in CRLF) */
    public static String upgradeRequest(String path, String extraHeaderLines) {
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + newKey() + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + extraHeaderLines
                + "\r\n";
    }

    public void setTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    public void write(String ascii) throws IOException {
        write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Buffers bytes without flushing (many small frames in few writes). */
    public void buffer(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Sends a valid upgrade request for the path and checks the 101. */
    public RawClient open(String path) throws IOException {
        return open(path, "");
    }

    /** Sends a valid upgrade request for the path with extra header lines and checks the 101. */
    public RawClient open(String path, String extraHeaderLines) throws IOException {
        write(upgradeRequest(path, extraHeaderLines));
        Reply reply = readReply();
        assertEquals(101, reply.status(), () -> "expected 101, got " + reply);
        return this;
    }

    /** Reads a response head, and its body when it has a Content-Length. */
    public Reply readReply() throws IOException {
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
        String body = "";
        String length = headers.get("content-length");
        if (length != null) {
            body = new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        }
        return new Reply(status, headers, body);
    }

    /** Sends one masked frame (a client must mask, RFC 6455 section 5.3). */
    public void sendFrame(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
        sendFrame(fin, rsv, opcode, payload, true);
    }

    public void sendFrame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        write(encode(fin, rsv, opcode, payload, masked));
    }

    public void sendText(String text) throws IOException {
        sendFrame(true, 0, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a text message and checks that the server echoes it, skipping pings and pongs (a bystander's check). */
    public void assertEchoes(String text) throws IOException {
        sendText(text);
        Frame frame = readFrame();
        while (frame.opcode() == PONG || frame.opcode() == PING) {
            frame = readFrame();
        }
        assertEquals(TEXT, frame.opcode(), "no text frame came back");
        assertEquals(text, frame.text(), "the echo differs");
    }

    public void sendClose(int code, String reason) throws IOException {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        sendFrame(true, 0, CLOSE, payload);
    }

    /** @return one client frame, masked with a fresh key (RFC 6455 section 5.3); {@code rsv} as bits 0 to 7 */
    public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        return encode(fin, rsv, opcode, payload, true);
    }

    /** @return a masked frame header alone, announcing any 64-bit length, even one with the top bit set */
    public static byte[] header(int firstByte, long length) {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) firstByte).put((byte) (0x80 | 127)).putLong(length)
                .putInt(ThreadLocalRandom.current().nextInt());
        return header.array();
    }

    public static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            frame.write(maskBit | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] key = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(key);
            frame.write(key, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ key[i & 3]);
        }
        return frame.toByteArray();
    }

    /** Reads one frame; the server must not mask (RFC 6455 section 5.1), which the caller may check. */
    public Frame readFrame() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
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
        boolean masked = (b1 & 0x80) != 0;
        byte[] key = masked ? in.readNBytes(4) : new byte[4];
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new EOFException("connection closed in a frame payload");
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= key[i & 3];
        }
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0xF, masked, payload);
    }

    /** Reads frames until a Close frame, skipping data and pings; @return its status code */
    public int readCloseCode() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == CLOSE) {
                return frame.closeCode();
            }
        }
    }

    /**
     * Reads frames until a Close frame, skipping only pings and pongs; @return its status code
     * @throws AssertionError when a data frame comes first (a message that should have been refused was delivered)
     */
    public int readCloseCodeWithNoDataBefore() throws IOException {
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

    /** @return true when the server closed the connection (end of stream or reset) before the timeout */
    public boolean awaitEof() throws IOException {
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
            return true; // connection reset: closed as well
        }
    }

    /** Reads the Close frame that must come next, answers it, and checks that the server then closes TCP. */
    public int expectCloseAndEof() throws IOException {
        int code = readCloseCode();
        try {
            sendClose(code == 1005 || code == 1006 ? 1000 : code, "");
        } catch (IOException e) {
            // the server may already have closed TCP after failing the connection
        }
        assertTrue(awaitEof(), "the server did not close the TCP connection");
        return code;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed");
        }
        return b;
    }

    public InputStream input() {
        return in;
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
