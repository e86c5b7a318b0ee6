package io.github.rfc6455.conformance;

/**
 * Cases 9.7 and 9.8: a fixed number of messages, each sent once the previous one came back (round-trip time).
 *
 * <p>Not thread-safe (see {@link TestCase}).
 */
final class RoundTripCase extends TestCase {

    private final int length;
    private final int count;
    private final double waitSeconds;
    private final boolean binary;
    private int sent;

    RoundTripCase(int length, int count, double waitSeconds, boolean binary) {
        this.length = length;
        this.count = count;
        this.waitSeconds = waitSeconds;
        this.binary = binary;
    }

    @Override
    protected void start() {
        behavior = Verdict.FAILED;
        expectedClose = ExpectedClose.fuzzerCloses(1000);
        result = "Case did not finish within " + EchoCase.fmt(waitSeconds) + " seconds.";
        p.closeAfter(waitSeconds);
        sendOne();
    }

    private void sendOne() {
        OutFrame frame = binary ? OutFrame.of(2).payload(new byte[] {(byte) 0xFE}) : OutFrame.of(1).payload("*");
        p.sendFrame(length == 0 ? OutFrame.of(binary ? 2 : 1) : frame.repeatTo(length));
        sent++;
    }

    @Override
    public void onMessage(byte[] message, boolean isBinary) {
        if (isBinary != binary || message.length != length) {
            behavior = Verdict.FAILED;
            result = "Echo'ed message type or length differs from what I sent (got binary = " + isBinary
                    + ", payload length = " + message.length + ").";
            p.sendClose(1000, null);
        } else if (sent < count) {
            sendOne();
        } else {
            behavior = Verdict.OK;
            result = "Ok, received all echo'ed messages in time.";
            p.sendClose(1000, null);
        }
    }

    @Override
    public void onPong(byte[] pong) {
        // not part of these cases
    }

    @Override
    boolean reportTime() {
        return true;
    }
}
