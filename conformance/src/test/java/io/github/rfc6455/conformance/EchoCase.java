package io.github.rfc6455.conformance;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cases 9.1 to 9.6: one large message (sent whole, in fragments, or in chops) must come back (the official case
 * checks type and length; the kit also compares the content). Duration is reported.
 *
 * <p>Not thread-safe (see {@link TestCase}).
 */
final class EchoCase extends TestCase {

    private final byte[] payload;
    private final boolean binary;
    private final double waitSeconds;
    private final Consumer<Fuzzer> sender;

    EchoCase(byte[] payload, boolean binary, double waitSeconds, Consumer<Fuzzer> sender) {
        this.payload = payload;
        this.binary = binary;
        this.waitSeconds = waitSeconds;
        this.sender = sender;
    }

    @Override
    protected void start() {
        behavior = Verdict.FAILED;
        expectedClose = ExpectedClose.fuzzerCloses(1000);
        result = "Did not receive message within " + fmt(waitSeconds) + " seconds.";
        sender.accept(p);
        p.closeAfter(waitSeconds);
    }

    @Override
    public void onMessage(byte[] message, boolean isBinary) {
        String type = binary ? "binary" : "text";
        if (isBinary != binary) {
            result = "Expected " + type + " message with payload, but got " + (isBinary ? "binary" : "text") + ".";
        } else if (message.length != payload.length) {
            result = "Expected " + type + " message with payload of length " + payload.length + ", but got "
                    + message.length + ".";
        } else if (!Arrays.equals(message, payload)) {
            result = "Received " + type + " message of length " + message.length
                    + ", but its content differs from what was sent.";
        } else {
            behavior = Verdict.OK;
            result = "Received " + type + " message of length " + message.length + ".";
        }
        p.sendClose(1000, null);
    }

    @Override
    public void onPong(byte[] pong) {
        // not part of these cases
    }

    @Override
    boolean reportTime() {
        return true;
    }

    static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }
}
