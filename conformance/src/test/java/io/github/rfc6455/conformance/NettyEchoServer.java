package io.github.rfc6455.conformance;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An independent echo server for validating the kit: Netty's {@code WebSocketServerProtocolHandler} with
 * permessage-deflate (window bits and no-context-takeover allowed), extensions allowed, 64 MiB frame and message
 * limits, UTF-8 validation on, fragments aggregated, every message echoed. A {@link Flaw} breaks it on purpose for the
 * kit's self-test.
 *
 * <p>Thread-safe: start and stop from one thread; Netty runs the connections.
 */
final class NettyEchoServer implements ServerUnderTest {

    /** Deliberate defects. */
    enum Flaw {
        /** A correct server. */
        NONE,
        /** Echoes text without validating UTF-8 (RFC 6455 section 8.1 violated). */
        NO_UTF8_VALIDATION,
        /** Never answers a close frame (RFC 6455 section 5.5.1 violated). */
        IGNORES_CLOSE
    }

    private static final int MAX = 64 << 20;

    private final Flaw flaw;
    private EventLoopGroup group;
    private Channel channel;

    NettyEchoServer(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public String name() {
        return flaw == Flaw.NONE ? "netty" : "netty-" + flaw.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public URI start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .handleCloseFrames(flaw != Flaw.IGNORES_CLOSE)
                .sendCloseFrame(null)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(MAX)
                        .allowExtensions(true)
                        .withUTF8Validator(flaw != Flaw.NO_UTF8_VALIDATION)
                        .closeOnProtocolViolation(true)
                        .build())
                .build();
        channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.config().setTcpNoDelay(true);
                        ch.pipeline().addLast(
                                new HttpServerCodec(),
                                new HttpObjectAggregator(65536),
                                new WebSocketServerExtensionHandler(
                                        new PerMessageDeflateServerExtensionHandshaker(6, true, 15, true, false, 0)),
                                new NettyReservedBitsGuard(),
                                new WebSocketServerProtocolHandler(config),
                                new WebSocketFrameAggregator(MAX),
                                new Echo());
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    @Override
    public void stop() throws InterruptedException {
        if (channel != null) {
            channel.close().sync();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    /** Echoes complete messages; everything else (close frames when they are ignored) is dropped. */
    private static final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
                ctx.writeAndFlush(frame.retainedDuplicate());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // protocol violations were answered by the decoder already
        }
    }
}
