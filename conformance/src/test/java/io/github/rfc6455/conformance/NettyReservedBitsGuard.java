package io.github.rfc6455.conformance;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Part of configuring the Netty peers correctly: with {@code allowExtensions} on, Netty's frame decoder leaves RSV
 * checks to the negotiated extensions, so without a negotiated extension nothing would reject RSV bits (RFC 6455
 * section 5.2). Placed after the extension decoders, this fails any frame whose RSV bits are still set.
 *
 * <p>Stateless; one instance per channel.
 */
final class NettyReservedBitsGuard extends SimpleChannelInboundHandler<WebSocketFrame> {

    NettyReservedBitsGuard() {
        super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame.rsv() != 0) {
            frame.release();
            ctx.writeAndFlush(new CloseWebSocketFrame(1002, "RSV != 0 and no extension negotiated"))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(frame);
    }
}
