package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.fill;
import static io.github.rfc6455.conformance.Cases.hex;
import static io.github.rfc6455.conformance.Cases.repeat;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 9, Limits/Performance: messages up to 16 MiB whole (9.1, 9.2), 4 MiB in fragments of 64 octets to 4 MiB
 * (9.3, 9.4), 1 MiB written in chops of 64 to 2048 octets (9.5, 9.6), and 1000 round trips per size (9.7, 9.8).
 * These run alone, never next to other cases, and report their durations.
 */
final class PerformanceCases {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;
    private static final int[] SIZES = {64 * KIB, 256 * KIB, MIB, 4 * MIB, 8 * MIB, 16 * MIB};
    private static final String[] SIZE_NAMES = {"64 * 2**10 (64k)", "256 * 2**10 (256k)", "1 * 2**20 (1M)",
        "4 * 2**20 (4M)", "8 * 2**20 (8M)", "16 * 2**20 (16M)"};
    private static final double[] SIZE_WAIT = {10, 10, 100, 100, 100, 100};
    private static final int[] FRAGMENTS = {64, 256, KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB, MIB, 4 * MIB};
    private static final String[] FRAGMENT_NAMES = {"64", "256", "1k", "4k", "16k", "64k", "256k", "1M", "4M"};
    private static final int[] CHOPS = {64, 128, 256, 512, 1024, 2048};
    /** (payload length, message count, timeout seconds) of 9.7.x and 9.8.x. */
    private static final int[][] ROUND_TRIPS = {{0, 1000, 60}, {16, 1000, 60}, {64, 1000, 60}, {256, 1000, 120},
        {1024, 1000, 240}, {4096, 1000, 480}};

    private PerformanceCases() {
    }

    static List<CaseDefinition> all() {
        List<CaseDefinition> out = new ArrayList<>();
        for (int b = 0; b <= 1; b++) {
            boolean binary = b == 1;
            String type = binary ? "binary" : "text";
            for (int i = 0; i < SIZES.length; i++) {
                int size = SIZES[i];
                double wait = SIZE_WAIT[i];
                int opcode = binary ? 2 : 1;
                out.add(new CaseDefinition("9." + (b + 1) + "." + (i + 1), "Send " + type + " message message with "
                        + "payload of length " + SIZE_NAMES[i] + ".", "Receive echo'ed " + type + " message (with "
                        + "payload as sent).", wait, full -> {
                            byte[] payload = pattern(binary, size);
                            return new EchoCase(payload, binary, CaseDefinition.cap(wait, full),
                                    p -> p.sendFrame(OutFrame.of(opcode).payload(payload)));
                        }));
            }
        }
        for (int b = 0; b <= 1; b++) {
            boolean binary = b == 1;
            String type = binary ? "binary" : "text";
            for (int i = 0; i < FRAGMENTS.length; i++) {
                int fragment = FRAGMENTS[i];
                out.add(new CaseDefinition("9." + (b + 3) + "." + (i + 1), "Send fragmented " + type + " message "
                        + "message with message payload of length 4 * 2**20 (4M). Sent out in fragments of "
                        + FRAGMENT_NAMES[i] + ".", "Receive echo'ed " + type + " message (with payload as sent).", 100,
                        full -> {
                            byte[] payload = fill(binary ? 0xFE : '*', 4 * MIB);
                            return new EchoCase(payload, binary, CaseDefinition.cap(100, full),
                                    p -> p.sendMessage(payload, binary, fragment));
                        }));
            }
        }
        for (int b = 0; b <= 1; b++) {
            boolean binary = b == 1;
            String type = binary ? "binary" : "text";
            for (int i = 0; i < CHOPS.length; i++) {
                int chop = CHOPS[i];
                int opcode = binary ? 2 : 1;
                out.add(new CaseDefinition("9." + (b + 5) + "." + (i + 1), "Send " + type + " message message with "
                        + "payload of length 1 * 2**20 (1M). Sent out data in chops of " + chop + " octets.",
                        "Receive echo'ed " + type + " message (with payload as sent).", 1000, full -> {
                            byte[] payload = pattern(binary, MIB);
                            return new EchoCase(payload, binary, CaseDefinition.cap(1000, full),
                                    p -> p.sendFrame(OutFrame.of(opcode).payload(payload).chop(chop)));
                        }));
            }
        }
        for (int b = 0; b <= 1; b++) {
            boolean binary = b == 1;
            String type = binary ? "binary" : "text";
            for (int i = 0; i < ROUND_TRIPS.length; i++) {
                int[] t = ROUND_TRIPS[i];
                out.add(new CaseDefinition("9." + (b + 7) + "." + (i + 1), "Send " + t[1] + " " + type + " messages "
                        + "of payload size " + t[0] + " to measure implementation/network RTT (round trip time) / "
                        + "latency.", "Receive echo'ed " + type + " messages (with payload as sent). Timeout case "
                        + "after " + t[2] + " secs.", t[2],
                        full -> new RoundTripCase(t[0], t[1], CaseDefinition.cap(t[2], full), binary)));
            }
        }
        return out;
    }

    private static byte[] pattern(boolean binary, int size) {
        return binary ? WireFrames.repeat(hex("00fe23faf0"), size) : repeat("BAsd7&jh23", size);
    }
}
