package io.github.rfc6455.bench;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A {@link Sink} that gives everything to a JMH {@link Blackhole}, so the JIT cannot drop the work that produced it.
 *
 * <p>Not thread-safe: one per benchmark thread.
 */
final class BlackholeSink implements Sink {
    private final Blackhole blackhole;

    BlackholeSink(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    @Override
    public void accept(ByteBuffer bytes) {
        blackhole.consume(bytes);
    }

    @Override
    public void accept(ByteBuf bytes) {
        blackhole.consume(bytes);
    }
}
