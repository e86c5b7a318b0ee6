package io.github.rfc6455.server;

import io.github.rfc6455.core.SendCallback;
import java.util.concurrent.CompletableFuture;

/** The future of one send, which is also the engine's callback for it: one object per send. Thread-safe. */
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
