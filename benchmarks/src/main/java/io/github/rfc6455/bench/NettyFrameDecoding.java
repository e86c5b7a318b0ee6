package io.github.rfc6455.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * Netty's {@link WebSocket08FrameDecoder} called straight through its {@code decode} method with a
 * {@link NettyContext} (Netty's default allocator, no channel): input in a direct buffer from that allocator (what a
 * Netty channel reads into). Netty copies each payload into a new buffer from the allocator, unmasks the copy and
 * passes on a {@code BinaryWebSocketFrame}, which the next handler releases. Calling {@code decode} directly skips
 * {@code ByteToMessageDecoder}'s cumulation and output-list bookkeeping, which a real pipeline adds.
 *
 * <p>Not thread-safe.
 */
final class NettyFrameDecoding implements FrameDecoding {
    private final Decoder decoder;
    private final NettyContext ctx = new NettyContext(ByteBufAllocator.DEFAULT);
    private final ByteBuf in;
    private final Sink sink;

    NettyFrameDecoding(FrameCorpus corpus, Sink sink) {
        this.decoder = new Decoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(true)
                .allowExtensions(false)
                .maxFramePayloadLength(MAX_FRAME_PAYLOAD)
                .build());
        byte[] wire = corpus.wireCopy();
        this.in = ctx.alloc().directBuffer(wire.length);
        in.writeBytes(wire);
        this.sink = sink;
    }

    @Override
    public void decodeNext() throws Exception {
        if (!in.isReadable()) {
            in.readerIndex(0);
        }
        List<Object> out = ctx.passedOn();
        decoder.decodeOne(ctx, in, out);
        for (int i = 0, n = out.size(); i < n; i++) {
            WebSocketFrame frame = (WebSocketFrame) out.get(i);
            sink.accept(frame.content());
            frame.release();
        }
        out.clear();
    }

    /** Opens the protected {@code decode} to this benchmark. */
    private static final class Decoder extends WebSocket08FrameDecoder {
        Decoder(WebSocketDecoderConfig config) {
            super(config);
        }

        void decodeOne(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            decode(ctx, in, out);
        }
    }
}
