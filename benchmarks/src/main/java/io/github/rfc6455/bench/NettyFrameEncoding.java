package io.github.rfc6455.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * Netty's {@link WebSocket08FrameEncoder} called straight through its {@code encode} method with a
 * {@link NettyContext} (Netty's default allocator): a new {@link BinaryWebSocketFrame} per message, released after
 * encoding as {@code MessageToMessageEncoder} does; the encoder takes its output buffers from the allocator, masks
 * with its default key source ({@code ThreadLocalRandom}) and, for unmasked payloads above 1024 bytes, passes the
 * payload on retained for a gathering write instead of copying it. The output buffers are released as the transport
 * would after writing them.
 *
 * <p>Not thread-safe.
 */
final class NettyFrameEncoding implements FrameEncoding {
    private final Encoder encoder;
    private final NettyContext ctx = new NettyContext(ByteBufAllocator.DEFAULT);
    private final ByteBuf payload;
    private final Sink sink;

    NettyFrameEncoding(byte[] payload, boolean masked, Sink sink) {
        this.encoder = new Encoder(masked);
        this.payload = Unpooled.wrappedBuffer(payload);
        this.sink = sink;
    }

    @Override
    public void encodeNext() throws Exception {
        List<Object> out = ctx.passedOn();
        payload.readerIndex(0); // copying reads the payload; the next message would be a fresh buffer
        WebSocketFrame frame = new BinaryWebSocketFrame(payload.retain());
        encoder.encodeOne(ctx, frame, out);
        frame.release();
        for (int i = 0, n = out.size(); i < n; i++) {
            ByteBuf buf = (ByteBuf) out.get(i);
            sink.accept(buf);
            buf.release();
        }
        out.clear();
    }

    /** Opens the protected {@code encode} to this benchmark. */
    private static final class Encoder extends WebSocket08FrameEncoder {
        Encoder(boolean maskPayload) {
            super(maskPayload);
        }

        void encodeOne(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) throws Exception {
            encode(ctx, frame, out);
        }
    }
}
