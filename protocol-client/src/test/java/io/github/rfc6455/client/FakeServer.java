package io.github.rfc6455.client;

import io.github.rfc6455.core.handshake.SecWebSocketAccept;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted raw-socket WebSocket server on a loopback port chosen by the system: connection {@code i} runs script
 * {@code i} (the last script runs for any further connection). Scripts read and write bytes exactly as a misbehaving
 * server would. What each script ends with (its result or its exception) is queued for the test to check.
 */
final class FakeServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    interface Script {
        /**
         * @param c the connection
         * @return a result for the test, or null
         * @throws Exception when the client did not behave as expected
         */
        Object run(Conn c) throws Exception;
    }

    /** A received client frame, unmasked. */
    record ClientFrame(boolean fin, int opcode, boolean masked, byte[] payload) {
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }

    private static final Object NO_RESULT = new Object();

    private final ServerSocket server;
    private final List<Script> scripts;
    private final BlockingQueue<Object> results = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    FakeServer(Script... scripts) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), scripts);
    }

    FakeServer(ServerSocket server, Script... scripts) {
        this.server = server;
        this.scripts = List.of(scripts);
        this.thread = new Thread(this::serve, "fake-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void serve() {
        int index = 0;
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            Script script = scripts.get(Math.min(index++, scripts.size() - 1));
            Thread worker = new Thread(() -> {
                try (Socket s = socket) {
                    s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Recorder.TIMEOUT_SECONDS));
                    Object result = script.run(new Conn(s));
                    results.add(result == null ? NO_RESULT : result);
                } catch (Throwable t) {
                    results.add(t);
                }
            }, "fake-server-connection");
            worker.setDaemon(true);
            worker.start();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + port() + "/");
    }

    URI uri() {
        return uri("ws");
    }

    /**
     * Waits for the next connection's script to end.
     *
     * @return its result, or null
     * @throws Exception what the script threw
     */
    Object result() throws Exception {
        Object r = results.poll(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the fake server's script did not finish within " + Recorder.TIMEOUT_SECONDS
                    + " s");
        }
        if (r instanceof Exception) {
            throw (Exception) r;
        }
        if (r instanceof Error) {
            throw (Error) r;
        }
        return r == NO_RESULT ? null : r;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }

    /** One accepted connection with helpers to speak (and misspeak) the protocol. */
    static final class Conn {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;
        String request;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Reads the request head. */
        String readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("the client closed before sending the whole request head");
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (head.size() > 16384) {
                    throw new IOException("request head too long");
                }
            }
            request = head.toString(StandardCharsets.ISO_8859_1);
            return request;
        }

        /** @return the value of a request header, or null */
        String header(String name) {
            for (String line : request.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** Reads the request and answers with a valid 101 plus the given header lines. */
        void handshake(String... extraHeaderLines) throws IOException {
            readRequest();
            writeAscii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + SecWebSocketAccept.forKey(header("Sec-WebSocket-Key")) + "\r\n"
                    + String.join("", java.util.Arrays.stream(extraHeaderLines).map(h -> h + "\r\n").toList())
                    + "\r\n");
        }

        void writeAscii(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void write(int... bytes) throws IOException {
            byte[] b = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                b[i] = (byte) bytes[i];
            }
            write(b);
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Writes one unmasked frame with the shortest length encoding. */
        void frame(int b0, byte[] payload) throws IOException {
            write(encode(b0, payload));
        }

        static byte[] encode(int b0, byte[] payload) {
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.write(b0);
            int n = payload.length;
            if (n < 126) {
                f.write(n);
            } else if (n < 65536) {
                f.write(126);
                f.write(n >>> 8);
                f.write(n);
            } else {
                f.write(127);
                for (int i = 7; i >= 0; i--) {
                    f.write((int) ((long) n >>> (8 * i)));
                }
            }
            f.writeBytes(payload);
            return f.toByteArray();
        }

        /** Reads one client frame and unmasks it. */
        ClientFrame readFrame() throws IOException {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] key = new byte[4];
            boolean masked = (b1 & 0x80) != 0;
            if (masked) {
                in.readFully(key);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length && masked; i++) {
                payload[i] ^= key[i & 3];
            }
            return new ClientFrame((b0 & 0x80) != 0, b0 & 0x0F, masked, payload);
        }

        /** Reads client frames up to and including a Close frame. */
        ClientFrame readUntilClose() throws IOException {
            while (true) {
                ClientFrame f = readFrame();
                if (f.opcode() == 8) {
                    return f;
                }
            }
        }

        /** Writes a Close frame with a code (and reason). */
        void close(int code, String reason) throws IOException {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + r.length];
            payload[0] = (byte) (code >>> 8);
            payload[1] = (byte) code;
            System.arraycopy(r, 0, payload, 2, r.length);
            frame(0x88, payload);
        }

        /** @return true when the client closed TCP (end of stream or reset) before anything else arrived */
        boolean clientClosed() throws IOException {
            try {
                return in.read() < 0;
            } catch (SocketException e) {
                return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("reset");
            }
        }

        /** Holds the connection until the client closes it. */
        void awaitClientClose() throws IOException {
            try {
                while (in.read() >= 0) {
                    // discard
                }
            } catch (SocketException e) {
                // reset: closed too
            }
        }

        InetSocketAddress remote() {
            return (InetSocketAddress) socket.getRemoteSocketAddress();
        }
    }
}
