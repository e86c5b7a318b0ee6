package io.github.rfc6455.core;

import java.util.concurrent.CompletableFuture;

/**
 * A {@link SendCallback} that is also the {@link CompletableFuture} an application waits on: completed normally when
 * the bytes were handed to the network, exceptionally when they never will be. One object per send, for the
 * future-returning send methods of the server and the client.
 *
 * <p>Thread-safe, as every {@link CompletableFuture}.
 */
public final class SendFuture extends CompletableFuture<Void> implements SendCallback {

    /** Creates an incomplete future. */
    public SendFuture() {
    }

    @Override
    public void onComplete(Throwable failure) {
        if (failure == null) {
            complete(null);
        } else {
            completeExceptionally(failure);
        }
    }
}
