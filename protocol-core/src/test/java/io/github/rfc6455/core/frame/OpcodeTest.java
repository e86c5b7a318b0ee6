package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Opcodes of RFC 6455 section 5.2. */
class OpcodeTest {
    @Test
    void definedAndControlOpcodes() {
        for (int opcode = 0; opcode < 16; opcode++) {
            boolean defined = opcode == 0 || opcode == 1 || opcode == 2 || opcode == 8 || opcode == 9 || opcode == 10;
            assertEquals(defined, Opcode.isDefined(opcode), "defined " + opcode);
            assertEquals(opcode >= 8, Opcode.isControl(opcode), "control " + opcode);
            String name = Opcode.name(opcode);
            assertEquals(!defined, name.startsWith("reserved"), name);
        }
        assertEquals("continuation", Opcode.name(Opcode.CONTINUATION));
        assertEquals("text", Opcode.name(Opcode.TEXT));
        assertEquals("binary", Opcode.name(Opcode.BINARY));
        assertEquals("close", Opcode.name(Opcode.CLOSE));
        assertEquals("ping", Opcode.name(Opcode.PING));
        assertEquals("pong", Opcode.name(Opcode.PONG));
        assertTrue(Opcode.name(0xB).endsWith("0xb"));
    }
}
