package io.github.rfc6455.bench;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A sink that copies every buffer it is given, without moving the buffers' positions. */
final class RecordingSink implements Sink {
    final List<byte[]> chunks = new ArrayList<>();

    @Override
    public void accept(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(bytes.position(), copy);
        chunks.add(copy);
    }

    @Override
    public void accept(ByteBuf bytes) {
        byte[] copy = new byte[bytes.readableBytes()];
        bytes.getBytes(bytes.readerIndex(), copy);
        chunks.add(copy);
    }

    /** @return everything recorded since the last call, concatenated, and forgets it */
    byte[] take() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            all.writeBytes(chunk);
        }
        chunks.clear();
        return all.toByteArray();
    }
}
