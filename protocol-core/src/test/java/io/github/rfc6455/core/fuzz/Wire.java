package io.github.rfc6455.core.fuzz;

import io.github.rfc6455.core.Outbound;
import io.github.rfc6455.core.SendCallback;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** The transport of an engine under fuzzing: keeps every byte the engine writes and counts requests to close TCP. */
final class Wire implements Outbound {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private int closeRequests;

    @Override
    public void write(ByteBuffer bytes, SendCallback callback) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        written.writeBytes(copy);
        if (callback != null) {
            callback.onComplete(null);
        }
    }

    @Override
    public void closeTransport(boolean awaitPeerFirst) {
        closeRequests++;
    }

    /** @return every byte written so far */
    byte[] bytes() {
        return written.toByteArray();
    }

    /** @return how many times the engine asked to close TCP */
    int closeRequests() {
        return closeRequests;
    }
}
