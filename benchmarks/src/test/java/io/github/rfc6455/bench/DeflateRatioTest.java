package io.github.rfc6455.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.extension.PerMessageDeflate;
import org.junit.jupiter.api.Test;

/** The figures {@link DeflateRatio} prints: what it counts, and that they move the way compression must. */
class DeflateRatioTest {
    private static final PerMessageDeflate NO_TAKEOVER = PerMessageDeflate.builder()
            .serverNoContextTakeover(true).clientNoContextTakeover(true).build();

    @Test
    void countsEveryTextByte() {
        DeflateRatio.Result result = DeflateRatio.measure(PerMessageDeflate.defaults(), 1024, 10);
        assertEquals(10 * 1024 + (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9), result.textBytes());
    }

    @Test
    void jsonTextShrinks() {
        DeflateRatio.Result result = DeflateRatio.measure(PerMessageDeflate.defaults(), 1024, 20);
        assertTrue(result.wireBytes() < result.textBytes() / 2, () -> "1 KiB JSON-like messages: " + result);
    }

    @Test
    void keptContextBeatsAResetOneOnSmallMessages() {
        DeflateRatio.Result kept = DeflateRatio.measure(PerMessageDeflate.defaults(), 125, 50);
        DeflateRatio.Result reset = DeflateRatio.measure(NO_TAKEOVER, 125, 50);
        assertEquals(kept.textBytes(), reset.textBytes());
        assertTrue(kept.wireBytes() < reset.wireBytes(), () -> "takeover " + kept + ", no takeover " + reset);
    }

    @Test
    void messagesUnderTheThresholdGoWhole() {
        DeflateRatio.Result result = DeflateRatio.measure(PerMessageDeflate.defaults(), 8, 5);
        assertEquals(result.textBytes(), result.wireBytes());
    }
}
