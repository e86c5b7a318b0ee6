package io.github.rfc6455.conformance;

import static io.github.rfc6455.conformance.Cases.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The test strings of cases 6.5 to 6.23, after Markus Kuhn's UTF-8 decoder capability and stress test, in the
 * official order.
 *
 * <p>Stateless; thread-safe.
 */
final class Utf8Sequences {

    /**
     * One sub-section: a title and its strings.
     *
     * @param title the official sub-section title
     * @param items the strings, each with its validity
     */
    record Group(String title, List<Item> items) {
    }

    /**
     * One string.
     *
     * @param valid whether it is complete, valid UTF-8
     * @param bytes the octets
     */
    record Item(boolean valid, byte[] bytes) {
    }

    /** The valid multi-byte string used by 6.2.4, 6.3.x, 6.4.x and 6.6. */
    static final byte[] KAPPA = hex("cebae1bdb9cf83cebcceb5");

    private Utf8Sequences() {
    }

    static List<Group> groups() {
        List<Group> out = new ArrayList<>();
        out.add(group("Some valid UTF-8 sequences",
                ok("68656c6c6f24776f726c64"), ok("68656c6c6fc2a2776f726c64"), ok("68656c6c6fe282ac776f726c64"),
                ok("68656c6c6ff0a4ada2776f726c64"), new Item(true, KAPPA)));
        List<Item> prefixes = new ArrayList<>();
        for (int i = 1; i <= KAPPA.length; i++) {
            byte[] prefix = Arrays.copyOf(KAPPA, i);
            prefixes.add(new Item(Utf8Validator.isValid(prefix), prefix));
        }
        out.add(new Group("All prefixes of a valid UTF-8 string that contains multi-byte code points", prefixes));
        out.add(group("First possible sequence of a certain length", ok("00"), ok("c280"), ok("e0a080"),
                ok("f0908080")));
        out.add(group("First possible sequence length 5/6 (invalid codepoints)", bad("f888808080"),
                bad("fc8480808080")));
        out.add(group("Last possible sequence of a certain length", ok("7f"), ok("dfbf"), ok("efbfbf"),
                ok("f48fbfbf")));
        out.add(group("Last possible sequence length 4/5/6 (invalid codepoints)", bad("f7bfbfbf"), bad("fbbfbfbfbf"),
                bad("fdbfbfbfbfbf")));
        out.add(group("Other boundary conditions", ok("ed9fbf"), ok("ee8080"), ok("efbfbd"), ok("f48fbfbf"),
                bad("f4908080")));
        List<Item> continuation = new ArrayList<>(List.of(bad("80"), bad("bf"), bad("80bf"), bad("80bf80"),
                bad("80bf80bf"), bad("80bf80bf80"), bad("80bf80bf80bf")));
        continuation.add(new Item(false, range(0x80, 0xBF, false)));
        out.add(new Group("Unexpected continuation bytes", continuation));
        int[][] lonely = {{0xC0, 0xDF}, {0xE0, 0xEF}, {0xF0, 0xF7}, {0xF8, 0xFB}, {0xFC, 0xFD}};
        List<Item> lonelyItems = new ArrayList<>();
        for (int[] r : lonely) {
            lonelyItems.add(new Item(false, range(r[0], r[1], true)));
        }
        out.add(new Group("Lonely start characters", lonelyItems));
        String[] missing = {"c0", "e080", "f08080", "f8808080", "fc80808080", "df", "efbf", "f7bfbf", "fbbfbfbf",
            "fdbfbfbfbf"};
        List<Item> missingItems = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (String m : missing) {
            missingItems.add(bad(m));
            all.append(m);
        }
        out.add(new Group("Sequences with last continuation byte missing", missingItems));
        out.add(group("Concatenation of incomplete sequences", bad(all.toString())));
        out.add(group("Impossible bytes", bad("fe"), bad("ff"), bad("fefeffff")));
        out.add(group("Examples of an overlong ASCII character", bad("c0af"), bad("e080af"), bad("f08080af"),
                bad("f8808080af"), bad("fc80808080af")));
        out.add(group("Maximum overlong sequences", bad("c1bf"), bad("e09fbf"), bad("f08fbfbf"), bad("f887bfbfbf"),
                bad("fc83bfbfbfbf")));
        out.add(group("Overlong representation of the NUL character", bad("c080"), bad("e08080"), bad("f0808080"),
                bad("f880808080"), bad("fc8080808080")));
        out.add(group("Single UTF-16 surrogates", bad("eda080"), bad("edadbf"), bad("edae80"), bad("edafbf"),
                bad("edb080"), bad("edbe80"), bad("edbfbf")));
        out.add(group("Paired UTF-16 surrogates", bad("eda080edb080"), bad("eda080edbfbf"), bad("edadbfedb080"),
                bad("edadbfedbfbf"), bad("edae80edb080"), bad("edae80edbfbf"), bad("edafbfedb080"),
                bad("edafbfedbfbf")));
        out.add(new Group("Non-character code points (valid UTF-8)", nonCharacters()));
        out.add(group("Unicode specials (i.e. replacement char)", ok("efbfb9"), ok("efbfba"), ok("efbfbb"),
                ok("efbfbc"), ok("efbfbd"), ok("efbfbe"), ok("efbfbf")));
        return out;
    }

    private static List<Item> nonCharacters() {
        List<Item> items = new ArrayList<>(List.of(ok("efbfbe"), ok("efbfbf")));
        String[] first = {"f0", "f1", "f2", "f3", "f4"};
        String[] second = {"8f", "9f", "af", "bf"};
        for (String z1 : first) {
            for (String z2 : second) {
                if (z1.equals("f4") && !z2.equals("8f")) {
                    continue; // beyond U+10FFFF
                }
                for (String z3 : new String[] {"be", "bf"}) {
                    String zz = z1 + z2 + "bf" + z3;
                    if (!zz.equals("f08fbfbe") && !zz.equals("f08fbfbf")) { // overlong
                        items.add(ok(zz));
                    }
                }
            }
        }
        return items;
    }

    /** Octets {@code from} (inclusive) to {@code to} (exclusive), each followed by a space when asked. */
    private static byte[] range(int from, int to, boolean spaced) {
        byte[] out = new byte[(to - from) * (spaced ? 2 : 1)];
        int k = 0;
        for (int b = from; b < to; b++) {
            out[k++] = (byte) b;
            if (spaced) {
                out[k++] = 0x20;
            }
        }
        return out;
    }

    private static Group group(String title, Item... items) {
        return new Group(title, List.of(items));
    }

    private static Item ok(String hex) {
        return new Item(true, hex(hex));
    }

    private static Item bad(String hex) {
        return new Item(false, hex(hex));
    }
}
