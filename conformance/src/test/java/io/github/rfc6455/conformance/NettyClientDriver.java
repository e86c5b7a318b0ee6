package io.github.rfc6455.conformance;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An independent client driver for validating the kit: Netty's WebSocket client with permessage-deflate (client
 * window bits and no-context-takeover allowed), UTF-8 validation on, fragments aggregated, every message echoed, close
 * frames answered and TCP left for the server to close. {@code echo = false} makes it a broken driver that never
 * echoes (kit self-test).
 *
 * <p>Thread-safe: each run uses its own event loop.
 */
final class NettyClientDriver implements ClientUnderTest {

    private static final int MAX = 64 << 20;

    private final boolean echo;

    NettyClientDriver(boolean echo) {
        this.echo = echo;
    }

    @Override
    public String name() {
        return echo ? "netty-client" : "netty-client-no-echo";
    }

    @Override
    public void run(URI url, String agent, int from, int to, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            CompletableFuture<String> count = new CompletableFuture<>();
            connect(group, URI.create(url + "/getCaseCount"), deadline, count);
            int cases = Integer.parseInt(count.getNow("0").trim());
            for (int n = from; n <= Math.min(to, cases); n++) {
                connect(group, URI.create(url + "/runCase?case=" + n + "&agent=" + agent), deadline, null);
            }
            connect(group, URI.create(url + "/updateReports?agent=" + agent), deadline, null);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private void connect(EventLoopGroup group, URI uri, long deadline, CompletableFuture<String> firstText)
            throws Exception {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .allowExtensions(true)
                .maxFramePayloadLength(MAX)
                .handleCloseFrames(false)
                .sendCloseFrame(null)
                .withUTF8Validator(true)
                .build();
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new HttpClientCodec(),
                                new HttpObjectAggregator(65536),
                                new WebSocketClientExtensionHandler(
                                        new PerMessageDeflateClientExtensionHandshaker(6, true, 15, true, false, 0)),
                                new NettyReservedBitsGuard(),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(MAX),
                                new Echo(firstText));
                    }
                })
                .connect(uri.getHost(), uri.getPort()).sync().channel();
        long left = deadline - System.nanoTime();
        if (left <= 0 || !channel.closeFuture().await(left, TimeUnit.NANOSECONDS)) {
            channel.close();
            throw new TimeoutException("driver timed out on " + uri);
        }
    }

    /** Echoes messages, answers close frames, and leaves closing TCP to the server (RFC 6455 section 7.1.1). */
    private final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final CompletableFuture<String> firstText;

        Echo(CompletableFuture<String> firstText) {
            this.firstText = firstText;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text && firstText != null) {
                firstText.complete(text.text());
            } else if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
                if (echo) {
                    ctx.writeAndFlush(frame.retainedDuplicate());
                }
            } else if (frame instanceof CloseWebSocketFrame close) {
                int code = close.statusCode();
                ctx.writeAndFlush(code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, ""));
                ctx.executor().schedule(() -> ctx.close(), 2, TimeUnit.SECONDS);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // protocol violations were answered by the decoder already
        }
    }
}
