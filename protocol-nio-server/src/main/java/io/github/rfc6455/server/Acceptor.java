package io.github.rfc6455.server;

import io.github.rfc6455.nio.EventLoop;
import io.github.rfc6455.nio.Selectable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * One listening socket: accepts connections without blocking on its event loop and hands each to the server, which
 * spreads them over the loops. When accepting fails (too many open files, say) it pauses for a moment instead of
 * spinning on a socket that stays ready.
 *
 * <p>Thread-safety: {@link #stop()} may be called from any thread; the rest runs on the acceptor's loop.
 */
final class Acceptor implements Selectable {
    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());
    private static final int MAX_ACCEPTS_PER_EVENT = 256;
    private static final long BACKOFF_MILLIS = 100;

    private final WebSocketServer server;
    private final ServerSocketChannel channel;
    private final SSLContext tls;
    private final EventLoop loop;
    private final InetSocketAddress localAddress;
    private SelectionKey key;

    Acceptor(WebSocketServer server, ServerSocketChannel channel, SSLContext tls, EventLoop loop) throws IOException {
        this.server = server;
        this.channel = channel;
        this.tls = tls;
        this.loop = loop;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
    }

    /** @return the address the socket is bound to (with the real port when bound to port 0) */
    InetSocketAddress localAddress() {
        return localAddress;
    }

    /** @return true for a {@code wss} listener */
    boolean secure() {
        return tls != null;
    }

    /** @return completes once the socket is registered with its loop */
    CompletableFuture<Void> start() {
        CompletableFuture<Void> registered = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                channel.configureBlocking(false);
                key = loop.register(channel, SelectionKey.OP_ACCEPT, this);
                registered.complete(null);
            } catch (IOException | RuntimeException e) {
                registered.completeExceptionally(e);
            }
        });
        return registered;
    }

    @Override
    public void onSelected(SelectionKey selected) {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                server.report(new ServerError(ServerError.Kind.ACCEPT, null, 0,
                        "cannot accept a connection on " + localAddress + ": " + e.getMessage(), e));
                pause();
                return;
            }
            if (accepted == null) {
                return;
            }
            server.accepted(accepted, tls);
        }
    }

    private void pause() {
        if (key == null || !key.isValid()) {
            return;
        }
        key.interestOps(0);
        loop.schedule(() -> {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        }, BACKOFF_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops listening and closes the socket; connections already accepted are not affected. */
    void stop() {
        loop.execute(this::closeChannel);
    }

    @Override
    public void onLoopClosed() {
        closeChannel();
    }

    private void closeChannel() {
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the listening socket", e);
        }
    }
}
