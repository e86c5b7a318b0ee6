package io.github.rfc6455.bench;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The least {@link ChannelHandlerContext} that lets a Netty codec run without a channel, a pipeline or an event loop:
 * it hands out the production default allocator and collects whatever the handler passes on (with
 * {@code fireChannelRead} or {@code write}) into {@link #passedOn()}. An {@code EmbeddedChannel} would add a
 * pipeline, an event loop and promise bookkeeping to every operation; this context adds one list append.
 * Any other call means the benchmark strayed off the codec path and fails loudly.
 *
 * <p>Not thread-safe: one context per benchmark state.
 */
final class NettyContext implements ChannelHandlerContext {
    private final ByteBufAllocator alloc;
    private final List<Object> passedOn = new ArrayList<>(4);

    NettyContext(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    /** @return what the handler passed on since the last {@code clear()} of this list */
    List<Object> passedOn() {
        return passedOn;
    }

    @Override
    public ByteBufAllocator alloc() {
        return alloc;
    }

    @Override
    public ChannelHandlerContext fireChannelRead(Object msg) {
        passedOn.add(msg);
        return this;
    }

    @Override
    public ChannelFuture write(Object msg, ChannelPromise promise) {
        passedOn.add(msg);
        return null;
    }

    @Override
    public ChannelPromise voidPromise() {
        return null;
    }

    private static UnsupportedOperationException offPath() {
        return new UnsupportedOperationException("not on the codec path measured by the benchmark");
    }

    @Override
    public Channel channel() {
        throw offPath();
    }

    @Override
    public EventExecutor executor() {
        throw offPath();
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public ChannelHandler handler() {
        throw offPath();
    }

    @Override
    public boolean isRemoved() {
        return false;
    }

    @Override
    public ChannelHandlerContext fireChannelRegistered() {
        throw offPath();
    }

    @Override
    public ChannelHandlerContext fireChannelUnregistered() {
        throw offPath();
    }

    @Override
    public ChannelHandlerContext fireChannelActive() {
        throw offPath();
    }

    @Override
    public ChannelHandlerContext fireChannelInactive() {
        throw offPath();
    }

    @Override
    public ChannelHandlerContext fireExceptionCaught(Throwable cause) {
        throw new IllegalStateException("codec failed", cause);
    }

    @Override
    public ChannelHandlerContext fireUserEventTriggered(Object evt) {
        throw offPath();
    }

    @Override
    public ChannelHandlerContext fireChannelReadComplete() {
        return this;
    }

    @Override
    public ChannelHandlerContext fireChannelWritabilityChanged() {
        throw offPath();
    }

    @Override
    public ChannelHandlerContext read() {
        return this;
    }

    @Override
    public ChannelHandlerContext flush() {
        return this;
    }

    @Override
    public ChannelPipeline pipeline() {
        throw offPath();
    }

    @Override
    @Deprecated
    public <T> Attribute<T> attr(AttributeKey<T> key) {
        throw offPath();
    }

    @Override
    @Deprecated
    public <T> boolean hasAttr(AttributeKey<T> key) {
        return false;
    }

    @Override
    public ChannelFuture bind(SocketAddress localAddress, ChannelPromise promise) {
        throw offPath();
    }

    @Override
    public ChannelFuture connect(SocketAddress remoteAddress, ChannelPromise promise) {
        throw offPath();
    }

    @Override
    public ChannelFuture connect(SocketAddress remoteAddress, SocketAddress localAddress, ChannelPromise promise) {
        throw offPath();
    }

    @Override
    public ChannelFuture disconnect(ChannelPromise promise) {
        throw offPath();
    }

    @Override
    public ChannelFuture close(ChannelPromise promise) {
        throw offPath();
    }

    @Override
    public ChannelFuture deregister(ChannelPromise promise) {
        throw offPath();
    }

    @Override
    public ChannelFuture writeAndFlush(Object msg, ChannelPromise promise) {
        return write(msg, promise);
    }

    @Override
    public ChannelPromise newPromise() {
        throw offPath();
    }

    @Override
    public ChannelProgressivePromise newProgressivePromise() {
        throw offPath();
    }

    @Override
    public ChannelFuture newSucceededFuture() {
        throw offPath();
    }

    @Override
    public ChannelFuture newFailedFuture(Throwable cause) {
        throw offPath();
    }
}
