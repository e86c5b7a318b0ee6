package io.github.rfc6455.bench;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * Where an operation hands on what it produced: a decoded payload or the encoded bytes of a frame. In a benchmark it
 * is a {@link BlackholeSink}; in the tests a recorder that checks the bytes. Every implementation under test hands on
 * through the same sink, so the cost of handing on is the same for all.
 *
 * <p>Implementations need not be thread-safe.
 */
interface Sink {
    /**
     * @param bytes the bytes between position and limit; valid only during the call
     */
    void accept(ByteBuffer bytes);

    /**
     * @param bytes Netty's bytes between reader and writer index; valid only during the call
     */
    void accept(ByteBuf bytes);
}
