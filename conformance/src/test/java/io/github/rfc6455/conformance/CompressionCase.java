package io.github.rfc6455.conformance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Cases 12.x and 13.x: with permessage-deflate negotiated (RFC 7692), send a number of compressed messages, each
 * after the previous one came back, and compare each echo with what was sent. When the peer declines the extension
 * the case is UNIMPLEMENTED.
 *
 * <p>Not thread-safe (see {@link TestCase}).
 */
final class CompressionCase extends TestCase {

    private final CompressionCorpus.DataSet data;
    private final int length;
    private final int count;
    private final double waitSeconds;
    private final int autoFragmentSize;
    private final List<DeflateOffer> offers;
    private final DeflateAccept accept;
    private int officialCount;
    private int pointer;
    private int sent;
    private byte[] last;

    CompressionCase(CompressionCorpus.DataSet data, int length, int count, double waitSeconds, int autoFragmentSize,
                    List<DeflateOffer> offers, DeflateAccept accept) {
        this.data = data;
        this.length = length;
        this.count = count;
        this.waitSeconds = waitSeconds;
        this.autoFragmentSize = autoFragmentSize;
        this.offers = List.copyOf(offers);
        this.accept = accept;
    }

    @Override
    public List<DeflateOffer> deflateOffers() {
        return offers;
    }

    @Override
    public DeflateAccept deflateAccept() {
        return accept;
    }

    @Override
    protected void start() {
        expectedClose = ExpectedClose.fuzzerCloses(1000);
        p.setAutoFragmentSize(autoFragmentSize);
        if (!p.compressionActive()) {
            behavior = Verdict.UNIMPLEMENTED;
            result = "The peer did not accept permessage-deflate.";
            p.sendClose(1000, null);
            return;
        }
        if (count < officialCount) {
            markReduced("reduced: " + count + " of " + officialCount + " messages (-Pconformance-full runs all)");
        }
        behavior = Verdict.FAILED;
        result = "Case did not finish within " + EchoCase.fmt(waitSeconds) + " seconds.";
        p.closeAfter(waitSeconds);
        sendOne();
    }

    private void sendOne() {
        last = length > 0 ? data.slice(pointer, length) : new byte[0];
        pointer = (pointer + length) % data.units();
        p.sendMessage(last, data.binary());
        sent++;
    }

    @Override
    public void onMessage(byte[] message, boolean binary) {
        if (binary != data.binary() || !Arrays.equals(message, last)) {
            behavior = Verdict.FAILED;
            if (binary != data.binary()) {
                result = "Echo'ed message type differs from what I sent (got binary " + binary + ", expected binary "
                        + data.binary() + ").";
            } else if (message.length != last.length) {
                result = "Echo'ed message length differs from what I sent (got length " + message.length
                        + " octets, expected length " + last.length + " octets).";
            } else {
                result = "Echo'ed message contents differs from what I sent (got SHA1 " + sha1(message)
                        + ", expected SHA1 " + sha1(last) + ").";
            }
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

    /** Marks this run as reduced when it sends fewer messages than the official case. */
    CompressionCase reducedFrom(int official) {
        this.officialCount = official;
        return this;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
