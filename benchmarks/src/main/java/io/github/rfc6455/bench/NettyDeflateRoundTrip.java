package io.github.rfc6455.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtension;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.util.Collections;
import java.util.List;

/**
 * Netty's permessage-deflate as a Netty server and a Netty client negotiate it with their default handshakers
 * (level 6, 32 KiB window, context takeover; decompressed size bounded at 16 MiB): the server's extension encoder
 * compresses a new {@link TextWebSocketFrame}, the client's extension decoder decompresses it. Both are driven through
 * their public handler methods ({@code write}, {@code channelRead}) with a {@link NettyContext}, so
 * {@code MessageToMessageEncoder} and {@code MessageToMessageDecoder} bookkeeping is included; Netty's own
 * {@code EmbeddedChannel} around its zlib codec is part of its implementation and therefore measured.
 *
 * <p>Not thread-safe.
 */
final class NettyDeflateRoundTrip implements DeflateRoundTrip {
    /** Netty's bound on a decompressed message, set to rfc6455's default message limit (16 MiB). */
    private static final int MAX_ALLOCATION = 16 * 1024 * 1024;

    private final NettyContext senderContext = new NettyContext(ByteBufAllocator.DEFAULT);
    private final NettyContext receiverContext = new NettyContext(ByteBufAllocator.DEFAULT);
    private final ChannelOutboundHandler encoder;
    private final ChannelInboundHandler decoder;
    private final ByteBuf message;
    private final Sink sink;

    NettyDeflateRoundTrip(byte[] message, Sink sink) {
        WebSocketServerExtension server = new PerMessageDeflateServerExtensionHandshaker(MAX_ALLOCATION)
                .handshakeExtension(new WebSocketExtensionData("permessage-deflate", Collections.emptyMap()));
        WebSocketClientExtension client = new PerMessageDeflateClientExtensionHandshaker(MAX_ALLOCATION)
                .handshakeExtension(server.newReponseData());
        if (client == null) {
            throw new IllegalStateException("Netty client refused the server's permessage-deflate parameters");
        }
        this.encoder = server.newExtensionEncoder();
        this.decoder = client.newExtensionDecoder();
        this.message = Unpooled.wrappedBuffer(message);
        this.sink = sink;
    }

    @Override
    public void roundTrip() throws Exception {
        List<Object> compressed = senderContext.passedOn();
        message.readerIndex(0); // compressing reads the message; the next one would be a fresh buffer
        encoder.write(senderContext, new TextWebSocketFrame(message.retain()), null);
        List<Object> inflated = receiverContext.passedOn();
        for (int i = 0, n = compressed.size(); i < n; i++) {
            decoder.channelRead(receiverContext, compressed.get(i));
        }
        compressed.clear();
        for (int i = 0, n = inflated.size(); i < n; i++) {
            WebSocketFrame frame = (WebSocketFrame) inflated.get(i);
            sink.accept(frame.content());
            frame.release();
        }
        inflated.clear();
    }
}
