package io.github.rfc6455.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.CloseFrames;
import io.github.rfc6455.core.frame.FrameRecorder;
import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import io.github.rfc6455.core.frame.Opcode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test transport: records what an engine writes (copied at once, in order) and its requests to close TCP, and
 * reports every write as done. Decodes the written bytes as the peer would.
 */
final class EngineWire implements Outbound {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final List<Boolean> closeTransport = new ArrayList<>();
    private int writes;

    @Override
    public synchronized void write(ByteBuffer bytes, SendCallback callback) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        pending.writeBytes(copy);
        all.writeBytes(copy);
        writes++;
        if (callback != null) {
            callback.onComplete(null);
        }
    }

    @Override
    public synchronized void closeTransport(boolean awaitPeerFirst) {
        closeTransport.add(awaitPeerFirst);
    }

    /** @return the bytes written since the last call, and forgets them */
    synchronized byte[] drain() {
        byte[] b = pending.toByteArray();
        pending.reset();
        return b;
    }

    /** @return every byte written so far */
    synchronized byte[] all() {
        return all.toByteArray();
    }

    /** @return how many writes the engine made */
    synchronized int writes() {
        return writes;
    }

    /** @return the arguments of every closeTransport call, in order */
    synchronized List<Boolean> closeTransportCalls() {
        return List.copyOf(closeTransport);
    }

    /** @return what was written since the last drain, as ISO-8859-1 text (an HTTP head) */
    String drainText() {
        return new String(drain(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Drains and decodes the frames an engine of role {@code sender} wrote; the decoding checks the masking rule
     * (a client's frames must be masked, a server's must not be) and fails on any frame error.
     */
    List<Frame> frames(Role sender) {
        return decode(sender, drain());
    }

    static List<Frame> decode(Role sender, byte[] bytes) {
        Role receiver = sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        return FrameRecorder.parse(receiver, bytes).frames();
    }

    /** Drains and asserts that exactly one frame, a Close frame with that code, was written; returns its reason. */
    String assertOnlyClose(Role sender, int code) {
        List<Frame> frames = frames(sender);
        assertEquals(1, frames.size(), () -> "one close frame expected: " + frames);
        return assertClose(frames.get(0), code);
    }

    static String assertClose(Frame frame, int code) {
        assertEquals(Opcode.CLOSE, frame.opcode(), () -> "a close frame expected: " + frame);
        assertTrue(frame.fin());
        ByteBuffer body = ByteBuffer.wrap(frame.payload());
        assertEquals(code, CloseFrames.code(body), () -> "close code of " + frame);
        return CloseFrames.reason(body);
    }
}
