package io.github.rfc6455.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.Hex;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Message assembly under limits (RFC 6455 section 5.4 and 10.4). */
class MessageAssemblerTest {

    @Test
    void beginMarksAMessageAndResetEndsIt() {
        MessageAssembler m = new MessageAssembler(100, 10);
        assertFalse(m.inMessage());
        m.begin(Opcode.TEXT, true);
        assertTrue(m.inMessage());
        assertEquals(Opcode.TEXT, m.opcode());
        assertTrue(m.isText());
        assertTrue(m.compressed());
        m.reset();
        assertFalse(m.inMessage());
        assertFalse(m.compressed());
        m.begin(Opcode.BINARY, false);
        assertFalse(m.isText());
        assertFalse(m.compressed());
    }

    @Test
    void countsFramesUpToTheLimit() {
        MessageAssembler m = new MessageAssembler(100, 3);
        m.begin(Opcode.BINARY, false);
        assertTrue(m.countFrame());
        assertTrue(m.countFrame());
        assertTrue(m.countFrame());
        assertFalse(m.countFrame());
        m.reset();
        m.begin(Opcode.BINARY, false);
        assertTrue(m.countFrame(), "the count starts again with each message");
    }

    @Test
    void fitsChecksAnnouncedLengthsAgainstTheLimitUnlessCompressed() {
        MessageAssembler m = new MessageAssembler(100, 10);
        m.begin(Opcode.BINARY, false);
        assertTrue(m.fits(100));
        assertFalse(m.fits(101));
        assertEquals(MessageAssembler.OK, m.check(ByteBuffer.allocate(60)));
        assertTrue(m.fits(40));
        assertFalse(m.fits(41));
        m.begin(Opcode.BINARY, true);
        assertTrue(m.fits(1000), "a compressed frame's length says nothing about the decompressed size");
    }

    @Test
    void checkCountsBytesAndStopsAtTheLimit() {
        MessageAssembler m = new MessageAssembler(10, 10);
        m.begin(Opcode.BINARY, false);
        ByteBuffer six = ByteBuffer.allocate(6);
        assertEquals(MessageAssembler.OK, m.check(six));
        assertEquals(0, six.position(), "check does not consume");
        assertEquals(MessageAssembler.OK, m.check(ByteBuffer.allocate(4)));
        assertEquals(10, m.length());
        assertEquals(CloseCodes.MESSAGE_TOO_BIG, m.check(ByteBuffer.allocate(1)));
    }

    @Test
    void textIsValidatedAcrossChunksAndBinaryIsNot() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        MessageAssembler m = new MessageAssembler(100, 10);
        m.begin(Opcode.TEXT, false);
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.wrap(euro, 0, 2), -1));
        assertEquals(CloseCodes.INVALID_FRAME_PAYLOAD_DATA, m.checkEnd(), "ends inside a character");
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.wrap(euro, 2, 1), -1));
        assertEquals(MessageAssembler.OK, m.checkEnd());
        assertEquals("€", m.text());
        assertEquals(CloseCodes.INVALID_FRAME_PAYLOAD_DATA, m.append(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), -1));
        m.reset();
        m.begin(Opcode.BINARY, false);
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xC3}), -1));
        assertEquals(MessageAssembler.OK, m.checkEnd());
    }

    @Test
    void beginStartsANewTextAfterAnInvalidOne() {
        MessageAssembler m = new MessageAssembler(100, 10);
        m.begin(Opcode.TEXT, false);
        assertEquals(CloseCodes.INVALID_FRAME_PAYLOAD_DATA, m.check(ByteBuffer.wrap(new byte[] {(byte) 0xC0})));
        m.reset();
        m.begin(Opcode.TEXT, false);
        assertEquals(MessageAssembler.OK, m.check(ByteBuffer.wrap(new byte[] {'o', 'k'})));
        assertEquals(MessageAssembler.OK, m.checkEnd());
    }

    @Test
    void appendStoresAndConsumesAndAFailedChunkStoresNothing() {
        MessageAssembler m = new MessageAssembler(100, 10);
        m.begin(Opcode.TEXT, false);
        assertTrue(m.nothingStored());
        ByteBuffer hello = ByteBuffer.wrap("hello ".getBytes(StandardCharsets.US_ASCII));
        assertEquals(MessageAssembler.OK, m.append(hello, -1));
        assertFalse(hello.hasRemaining());
        assertFalse(m.nothingStored());
        assertEquals(CloseCodes.INVALID_FRAME_PAYLOAD_DATA, m.append(ByteBuffer.wrap(new byte[] {'x', (byte) 0xFF}), -1));
        assertEquals("hello ", m.text());
    }

    @Test
    void storageGrowsKeepingContentAndNeverBeyondTheLimit() {
        Random random = new Random(5);
        byte[] message = new byte[5000];
        random.nextBytes(message);
        MessageAssembler m = new MessageAssembler(5000, 1000);
        m.begin(Opcode.BINARY, false);
        int at = 0;
        while (at < message.length) {
            int n = Math.min(message.length - at, 1 + random.nextInt(700));
            assertEquals(MessageAssembler.OK, m.append(ByteBuffer.wrap(message, at, n), -1));
            at += n;
            assertTrue(m.content().capacity() <= 5000, "storage bounded by the message limit");
        }
        assertEquals(Hex.of(message), Hex.of(Hex.remaining(m.content())));
        assertEquals(CloseCodes.MESSAGE_TOO_BIG, m.append(ByteBuffer.allocate(1), -1));
    }

    @Test
    void sizeHintCapsGrowthButIsNeverReservedUpFront() {
        MessageAssembler m = new MessageAssembler(1000, 10);
        m.begin(Opcode.BINARY, false);
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.allocate(10), 700));
        assertTrue(m.content().capacity() < 700, "an announced size is not reserved before its bytes arrive");
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.allocate(600), 700));
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.allocate(90), 700));
        assertEquals(700, m.content().capacity(), "growth stops at the announced size");
        m.reset();
        m.begin(Opcode.BINARY, false);
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.allocate(999), 1L << 40));
        assertTrue(m.content().capacity() <= 1000, "a hint beyond the limit is capped");
    }

    @Test
    void resetReleasesTheStorage() {
        MessageAssembler m = new MessageAssembler(1000, 10);
        m.begin(Opcode.BINARY, false);
        m.append(ByteBuffer.allocate(300), -1);
        m.reset();
        assertTrue(m.nothingStored());
        assertEquals(0, m.content().remaining());
        assertEquals(0, m.content().capacity(), "storage released");
        assertEquals("", m.text());
        assertEquals(0, m.length());
    }

    @Test
    void messageExactlyAtTheLimitIsAccepted() {
        MessageAssembler m = new MessageAssembler(300, 10);
        m.begin(Opcode.BINARY, false);
        assertTrue(m.fits(300));
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.allocate(100), 300));
        assertEquals(MessageAssembler.OK, m.append(ByteBuffer.allocate(200), 300));
        assertEquals(300, m.content().remaining());
        assertFalse(m.fits(1));
    }
}
