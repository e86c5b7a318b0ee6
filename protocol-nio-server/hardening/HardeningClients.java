import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;

/**
 * Client side of the resource measurements and the soak (java.base only, run as a single source file, in a JVM of its
 * own so that the server's JVM measures only itself):
 * <pre>
 * java HardeningClients.java idle URL N                    open N WebSocket connections, print "open N", hold them
 *                                                          until standard input ends
 * java HardeningClients.java cycles URL COUNT CONCURRENCY  COUNT times: connect, handshake, echo a message, close
 *                                                          handshake, close; print "cycles COUNT errors E"
 * java HardeningClients.java misbehave URL SECONDS [KINDS]  for SECONDS, over and over: slowloris heads, clients that
 *                                                          never read, clients that vanish, ping floods, oversized
 *                                                          and malformed frames, deflate bombs, pong floods (or only
 *                                                          the comma-separated KINDS); print a count per kind
 * </pre>
 */
public final class HardeningClients {
    private static String host;
    private static int port;
    private static String path;

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java HardeningClients.java idle URL N | cycles URL COUNT CONCURRENCY"
                    + " | misbehave URL SECONDS [KINDS]");
            System.exit(2);
        }
        URI uri = URI.create(args[1]);
        host = uri.getHost();
        port = uri.getPort();
        path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        switch (args[0]) {
            case "idle" -> idle(Integer.parseInt(args[2]));
            case "cycles" -> cycles(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "misbehave" -> misbehave(Double.parseDouble(args[2]), args.length > 3 ? args[3] : "");
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    // ------------------------------------------------------------------------------------------------ modes

    private static void idle(int n) throws Exception {
        List<Socket> sockets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sockets.add(open(""));
        }
        System.out.println("open " + sockets.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the connections until standard input ends
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static void cycles(int count, int concurrency) throws Exception {
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int share = count / concurrency + (t < count % concurrency ? 1 : 0);
            pool.execute(() -> {
                for (int i = 0; i < share; i++) {
                    try (Socket s = open("")) {
                        byte[] text = ("cycle " + i).getBytes(StandardCharsets.UTF_8);
                        s.getOutputStream().write(frame(0x81, text));
                        expectOpcode(s.getInputStream(), 0x1);
                        s.getOutputStream().write(frame(0x88, new byte[] {0x03, (byte) 0xE8}));
                        expectOpcode(s.getInputStream(), 0x8);
                        done.incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.println("cycles " + done.get() + " errors " + errors.get());
    }

    private static void misbehave(double seconds, String only) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        String[] kinds = {"slowloris", "never-reads", "vanishes", "ping-flood", "oversized", "malformed",
            "deflate-bomb", "pong-flood"};
        long[] counts = new long[kinds.length];
        long[] failures = new long[kinds.length];
        ExecutorService pool = Executors.newFixedThreadPool(kinds.length);
        for (int k = 0; k < kinds.length; k++) {
            int kind = k;
            if (!only.isEmpty() && !java.util.Arrays.asList(only.split(",")).contains(kinds[k])) {
                continue;
            }
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    try {
                        attack(kind);
                        counts[kind]++;
                    } catch (IOException e) {
                        counts[kind]++; // the server cut the attacker off: that is the point
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        failures[kind]++; // a bug of this tool: counted, and the attacks go on
                        e.printStackTrace();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) seconds + 120, TimeUnit.SECONDS);
        StringBuilder sb = new StringBuilder("misbehaved");
        for (int k = 0; k < kinds.length; k++) {
            sb.append(' ').append(kinds[k]).append('=').append(counts[k]);
            if (failures[k] > 0) {
                sb.append(" (").append(failures[k]).append(" tool errors)");
            }
        }
        System.out.println(sb);
        System.exit(0);
    }

    private static void attack(int kind) throws IOException, InterruptedException {
        switch (kind) {
            case 0 -> { // slowloris: a head a byte at a time until the handshake timeout drops it
                try (Socket s = connect()) {
                    s.setSoTimeout(30_000);
                    byte[] head = request("").getBytes(StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < head.length - 2; i++) {
                        s.getOutputStream().write(head[i]);
                        Thread.sleep(200);
                    }
                }
            }
            case 1 -> { // never reads: echoes pile up until the server stops reading it; leaves after 5 s
                try (Socket s = connect()) {
                    s.setReceiveBufferSize(4096);
                    s.getOutputStream().write(request("").getBytes(StandardCharsets.ISO_8859_1));
                    byte[] message = frame(0x82, new byte[64 << 10]);
                    TIMER.schedule(() -> {
                        try {
                            s.close(); // unblocks the write below
                        } catch (IOException e) {
                            // closed already
                        }
                    }, 5, TimeUnit.SECONDS);
                    while (true) {
                        s.getOutputStream().write(message); // blocks once the server stops reading
                    }
                }
            }
            case 2 -> { // vanishes: open, half a message, reset
                Socket s = open("");
                s.getOutputStream().write(frame(0x02, new byte[1000]));
                s.setSoLinger(true, 0);
                s.close();
            }
            case 3 -> { // ping flood, reading the pongs
                try (Socket s = open("")) {
                    byte[] ping = frame(0x89, new byte[125]);
                    ByteArrayOutputStream burst = new ByteArrayOutputStream();
                    for (int i = 0; i < 1000; i++) {
                        burst.writeBytes(ping);
                    }
                    s.getOutputStream().write(burst.toByteArray());
                    for (int i = 0; i < 1000; i++) {
                        expectOpcode(s.getInputStream(), 0xA);
                    }
                }
            }
            case 4 -> { // a frame announcing 2^31 bytes: 1009
                try (Socket s = open("")) {
                    byte[] header = {(byte) 0x82, (byte) 0xFF, 0, 0, 0, (byte) 0x80, 0, 0, 0, 0, 1, 2, 3, 4};
                    s.getOutputStream().write(header);
                    expectOpcode(s.getInputStream(), 0x8);
                }
            }
            case 5 -> { // an unmasked frame, then garbage: 1002
                try (Socket s = open("")) {
                    s.getOutputStream().write(new byte[] {(byte) 0x81, 0x05, 'h', 'e', 'l', 'l', 'o', 7, 7, 7});
                    expectOpcode(s.getInputStream(), 0x8);
                }
            }
            case 6 -> { // a deflate bomb: 64 MiB of zeros in ~64 KiB: 1009
                try (Socket s = open("Sec-WebSocket-Extensions: permessage-deflate\r\n")) {
                    s.getOutputStream().write(frame(0xC2, BOMB));
                    expectOpcode(s.getInputStream(), 0x8);
                }
            }
            default -> { // unsolicited pongs, then an echo that proves they were all processed
                try (Socket s = open("")) {
                    byte[] pong = frame(0x8A, new byte[125]);
                    ByteArrayOutputStream burst = new ByteArrayOutputStream();
                    for (int i = 0; i < 10_000; i++) {
                        burst.writeBytes(pong);
                    }
                    burst.writeBytes(frame(0x81, "done".getBytes(StandardCharsets.UTF_8)));
                    s.getOutputStream().write(burst.toByteArray());
                    expectOpcode(s.getInputStream(), 0x1);
                }
            }
        }
    }

    private static final byte[] BOMB = bomb();
    private static final java.util.concurrent.ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "closer");
                t.setDaemon(true);
                return t;
            });

    private static byte[] bomb() {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(new byte[64 << 20]);
        byte[] out = new byte[1 << 20];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return java.util.Arrays.copyOf(out, n - 4);
    }

    // ------------------------------------------------------------------------------------------------ wire

    private static Socket connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setSoTimeout(30_000);
        return s;
    }

    private static String request(String extra) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n" + extra + "\r\n";
    }

    /** @return a connected socket whose opening handshake got 101 */
    private static Socket open(String extra) throws IOException {
        Socket s = connect();
        s.getOutputStream().write(request(extra).getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                s.close();
                throw new EOFException("closed during the handshake");
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("refused: " + head.substring(0, head.indexOf("\r\n")));
        }
        return s;
    }

    /** A masked frame (first byte as given: FIN, RSV, opcode). */
    private static byte[] frame(int firstByte, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write(firstByte);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] key = new byte[4];
        ThreadLocalRandom.current().nextBytes(key);
        out.write(key, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ key[i & 3]);
        }
        return out.toByteArray();
    }

    /** Reads frames until one with the opcode (skipping pings and pongs). */
    private static void expectOpcode(InputStream in, int opcode) throws IOException {
        while (true) {
            int b0 = read(in);
            int b1 = read(in);
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (read(in) << 8) | read(in);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | read(in);
                }
            }
            in.skipNBytes(length);
            int got = b0 & 0x0F;
            if (got == opcode) {
                return;
            }
            if (got == 0x8) {
                throw new IOException("closed by the server");
            }
        }
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }
}
