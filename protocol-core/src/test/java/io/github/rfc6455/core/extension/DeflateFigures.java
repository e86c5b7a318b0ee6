package io.github.rfc6455.core.extension;

import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the figures of permessage-deflate for the report: compression ratios on JSON-like text (ours next to
 * Netty's), memory held per idle connection in each mode, and heap allocated per message in steady state. Not a test
 * (it asserts nothing); run it with the test class path:
 * {@code java -cp test-classes:classes:<netty, jzlib> io.github.rfc6455.core.extension.DeflateFigures}.
 */
public final class DeflateFigures {
    private DeflateFigures() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("speed")) {
            speed();
            return;
        }
        ratios();
        allocation();
        memory(false, 10_000);
        memory(true, 1_000);
    }

    /** A realistic JSON document: an API response listing chat messages. */
    static byte[] apiResponse(int size) {
        StringBuilder json = new StringBuilder("{\"status\":\"ok\",\"page\":1,\"messages\":[");
        byte[] lines = Deflates.json(size * 2, 42);
        String[] objects = new String(lines, StandardCharsets.US_ASCII).split("\n");
        for (int i = 0; json.length() < size - 2 && i < objects.length - 1; i++) {
            json.append(i == 0 ? "" : ",").append(objects[i]);
        }
        json.append("]}");
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void ratios() {
        System.out.println("== compression ratio (compressed / original), level 6");
        byte[] document = apiResponse(4096);
        for (int bits = 15; bits >= 8; bits--) {
            PerMessageDeflate server = PerMessageDeflate.builder().serverMaxWindowBits(bits).build();
            DeflateExtension ours = (DeflateExtension) server.accept(PerMessageDeflate.defaults().offers())
                    .extension();
            int n = Deflates.encode(ours, document).length;
            System.out.printf("4 KiB JSON document, one message, window %2d bits: %5d -> %4d bytes = %.3f%n", bits,
                    document.length, n, n / (double) document.length);
            ours.close();
        }
        System.out.printf("same document, Netty (level 6, 15 bits):             %5d -> %4d bytes = %.3f%n",
                document.length, nettyCompressed(document), nettyCompressed(document) / (double) document.length);

        String[] chat = new String(Deflates.json(200 * 160, 7), StandardCharsets.US_ASCII).split("\n");
        for (String mode : new String[] {"context takeover", "server_no_context_takeover"}) {
            String offer = mode.equals("context takeover") ? "permessage-deflate"
                    : "permessage-deflate; server_no_context_takeover";
            MessageExtension ours = Deflates.serverAccepts(PerMessageDeflate.builder().compressionThreshold(0)
                    .build(), offer).extension();
            long in = 0;
            long out = 0;
            for (int i = 0; i < 200; i++) {
                byte[] line = chat[i].getBytes(StandardCharsets.US_ASCII);
                in += line.length;
                out += Deflates.encode(ours, line).length;
            }
            ours.close();
            System.out.printf("200 chat events of ~%d bytes, %-27s %6d -> %5d bytes = %.3f%n", in / 200, mode + ":",
                    in, out, out / (double) in);
        }
    }

    private static int nettyCompressed(byte[] document) {
        WebSocketServerExtension netty = new PerMessageDeflateServerExtensionHandshaker(6, false, 15, false, false,
                0).handshakeExtension(new WebSocketExtensionData("permessage-deflate", Map.of()));
        try (NettyPeer peer = new NettyPeer(netty)) {
            return peer.compress(document, true, Integer.MAX_VALUE).length;
        }
    }

    private static void allocation() {
        System.out.println("== heap allocated per message in steady state (encode + decode, context takeover)");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int size : new int[] {125, 1024, 16 * 1024, 65536}) {
            Deflates.Pair pair = Deflates.negotiate(PerMessageDeflate.defaults(), PerMessageDeflate.defaults());
            byte[] message = Deflates.json(size, 3);
            ByteBuffer in = ByteBuffer.wrap(message);
            long[] sink = new long[1];
            MessageExtension.DecodedSink counting = (decoded, end) -> {
                sink[0] += decoded.remaining();
                return 0;
            };
            for (int i = 0; i < 20_000; i++) {
                in.clear();
                pair.server().decode(pair.client().encode(in), true, counting);
            }
            int rounds = 20_000;
            long before = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                in.clear();
                pair.server().decode(pair.client().encode(in), true, counting);
            }
            long nanos = System.nanoTime() - start;
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.printf("%6d-byte JSON message: %.1f bytes allocated per message, %.2f us per round trip%n",
                    size, allocated / (double) rounds, nanos / 1000.0 / rounds);
            pair.close();
        }
    }

    /** Round-trip time of ours, raw JDK zlib and Netty on the same message, interleaved (rough; JMH is the judge). */
    private static void speed() throws Exception {
        System.out.println("== round trip (compress + inflate, context takeover), microseconds, best of 5 rounds");
        for (int size : new int[] {125, 1024, 16 * 1024, 65536}) {
            byte[] message = Deflates.json(size, 3);
            Deflates.Pair pair = Deflates.negotiate(PerMessageDeflate.defaults(), PerMessageDeflate.defaults());
            ByteBuffer in = ByteBuffer.wrap(message);
            MessageExtension.DecodedSink sink = (decoded, end) -> 0;
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
            java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
            byte[] out = new byte[size * 2 + 64];
            byte[] window = new byte[16 * 1024];
            WebSocketServerExtension nettyServer = new PerMessageDeflateServerExtensionHandshaker(6, false, 15,
                    false, false, 0).handshakeExtension(new WebSocketExtensionData("permessage-deflate", Map.of()));
            io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtension nettyClient =
                    new io.netty.handler.codec.http.websocketx.extensions.compression
                            .PerMessageDeflateClientExtensionHandshaker(6, false, 15, false, false, 0)
                            .handshakeExtension(nettyServer.newReponseData());
            io.netty.channel.embedded.EmbeddedChannel encoder =
                    new io.netty.channel.embedded.EmbeddedChannel(nettyServer.newExtensionEncoder());
            io.netty.channel.embedded.EmbeddedChannel decoder =
                    new io.netty.channel.embedded.EmbeddedChannel(nettyClient.newExtensionDecoder());
            io.netty.buffer.ByteBuf nettyMessage = io.netty.buffer.Unpooled.wrappedBuffer(message);
            double best0 = Double.MAX_VALUE;
            double best1 = Double.MAX_VALUE;
            double best2 = Double.MAX_VALUE;
            int n = Math.max(200, 2_000_000 / (size + 100));
            for (int round = 0; round < 6; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    in.clear();
                    pair.server().decode(pair.client().encode(in), true, sink);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    deflater.setInput(message);
                    int c = deflater.deflate(out, 0, out.length, java.util.zip.Deflater.SYNC_FLUSH);
                    inflater.setInput(out, 0, c);
                    while (inflater.inflate(window) > 0) {
                        // drain
                    }
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    encoder.writeOutbound(new io.netty.handler.codec.http.websocketx.TextWebSocketFrame(
                            nettyMessage.retainedDuplicate()));
                    Object compressed = encoder.readOutbound();
                    decoder.writeInbound(compressed);
                    ((io.netty.handler.codec.http.websocketx.WebSocketFrame) decoder.readInbound()).release();
                }
                long t3 = System.nanoTime();
                if (round > 0) {
                    best0 = Math.min(best0, (t1 - t0) / 1000.0 / n);
                    best1 = Math.min(best1, (t2 - t1) / 1000.0 / n);
                    best2 = Math.min(best2, (t3 - t2) / 1000.0 / n);
                }
            }
            System.out.printf("%6d bytes: rfc6455 %8.2f   raw JDK zlib %8.2f   Netty %8.2f%n", size, best0, best1,
                    best2);
            deflater.end();
            inflater.end();
            encoder.finishAndReleaseAll();
            decoder.finishAndReleaseAll();
            pair.close();
        }
    }

    private static void memory(boolean contextTakeover, int connections) throws Exception {
        String offer = contextTakeover ? "permessage-deflate"
                : "permessage-deflate; server_no_context_takeover; client_no_context_takeover";
        System.out.println("== " + connections + " idle server connections after one message each way, offer \""
                + offer + "\"");
        PerMessageDeflate server = PerMessageDeflate.defaults();
        PerMessageDeflate client = PerMessageDeflate.builder().compressionThreshold(0).build();
        byte[] message = Deflates.json(1000, 9);
        MessageExtension peer = Deflates.serverAccepts(client, "permessage-deflate").extension();
        byte[] compressed = Deflates.encode(peer, message);
        peer.close();
        gc();
        long heapBefore = heapUsed();
        long rssBefore = rss();
        List<MessageExtension> held = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            MessageExtension extension = Deflates.serverAccepts(server, offer).extension();
            extension.decode(ByteBuffer.wrap(compressed), true, (decoded, end) -> 0);
            extension.encode(ByteBuffer.wrap(message));
            held.add(extension);
        }
        gc();
        long heap = heapUsed() - heapBefore;
        long rss = rss() - rssBefore;
        System.out.printf("heap %.0f bytes per connection, resident memory %.1f KiB per connection%n",
                heap / (double) connections, rss / 1024.0 / connections);
        held.forEach(MessageExtension::close);
        held.clear();
        gc();
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // a measurement tool, not a test: let the collector settle
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
