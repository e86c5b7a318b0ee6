package io.github.rfc6455.client;

import io.github.rfc6455.core.SendCallback;
import java.util.concurrent.CompletableFuture;

/**
 * The future of one send, completed when its bytes were handed to the network or failed: one object per send.
 *
 * <p>Thread-safe, as {@link CompletableFuture}.
 */
final class SendFuture extends CompletableFuture<Void> implements SendCallback {
    @Override
    public void onComplete(Throwable failure) {
        if (failure == null) {
            complete(null);
        } else {
            completeExceptionally(failure);
        }
    }
}
