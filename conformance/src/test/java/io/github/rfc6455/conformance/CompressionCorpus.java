package io.github.rfc6455.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * The payload data of cases 12.x and 13.x. The official files (a JSON document, the Lena bitmap, Goethe's Faust, an
 * HTML page, a PDF) are not redistributable here, so the kit generates, from fixed seeds, data of the same size and
 * kind: JSON records with some non-ASCII text, a smooth 512x512 8-bit grayscale BMP, German verse, HTML markup, and a
 * PDF whose bulk is already-compressed streams. Compression ratios are therefore close to, not equal to, the
 * official ones; the protocol traffic is the same.
 *
 * <p>Immutable once built; thread-safe.
 */
final class CompressionCorpus {

    /**
     * One data set.
     *
     * @param description the official description
     * @param binary whether messages are sent as binary (the official flag; Faust is sent as binary)
     * @param bytes the data
     * @param codePoints the data as code points (text data sets only), so slices never split a character
     */
    record DataSet(String description, boolean binary, byte[] bytes, int[] codePoints) {

        /** The official sub-section title, e.g. {@code Large JSON data file (utf8, 194056 bytes)}. */
        String title() {
            return description + " (" + (binary ? "binary" : "utf8") + ", " + bytes.length + " bytes)";
        }

        /** Units a slice length counts: code points for text, octets for binary. */
        int units() {
            return binary ? bytes.length : codePoints.length;
        }

        /** {@code length} units from {@code from}, wrapping around the end (the official {@code sendOne}). */
        byte[] slice(int from, int length) {
            int n = units();
            int to = (from + length) % n;
            if (binary) {
                if (to > from) {
                    return java.util.Arrays.copyOfRange(bytes, from, to);
                }
                return Utf8Cases.concat(java.util.Arrays.copyOfRange(bytes, from, n),
                        java.util.Arrays.copyOfRange(bytes, 0, to));
            }
            String s = to > from ? new String(codePoints, from, to - from)
                    : new String(codePoints, from, n - from) + new String(codePoints, 0, to);
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static volatile List<DataSet> cache;

    private CompressionCorpus() {
    }

    /** The five data sets of 12.1 to 12.5, in the official order (13.x uses the first). */
    static List<DataSet> all() {
        List<DataSet> c = cache;
        if (c == null) {
            synchronized (CompressionCorpus.class) {
                c = cache;
                if (c == null) {
                    c = List.of(text("Large JSON data file", json(), 194056),
                            binary("Lena Picture, Bitmap 512x512 bw", bitmap()),
                            binary("Human readable text, Goethe's Faust I (German)",
                                    fit(verse(), 222218).getBytes(StandardCharsets.UTF_8)),
                            text("Large HTML file", html(), 263527),
                            binary("A larger PDF", pdf(1042328)));
                    cache = c;
                }
            }
        }
        return c;
    }

    private static DataSet text(String description, String text, int size) {
        String fitted = fit(text, size);
        return new DataSet(description, false, fitted.getBytes(StandardCharsets.UTF_8),
                fitted.codePoints().toArray());
    }

    private static DataSet binary(String description, byte[] bytes) {
        return new DataSet(description, true, bytes, null);
    }

    /** The longest prefix of {@code text} whose UTF-8 form has at most {@code size} octets. */
    private static String fit(String text, int size) {
        StringBuilder sb = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + n > size) {
                break;
            }
            sb.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static final String[] FIRST = {"Jürgen", "Zoë", "Mateo", "Søren", "Amélie", "Łukasz", "Hana", "Björn",
        "Inés", "Noah", "Chloé", "Ümit", "Dmitri", "Aiko", "François", "Grace", "Olaf", "Núria", "Yusuf", "Élodie"};
    private static final String[] LAST = {"Müller", "García", "Øster", "Dubois", "Kowalski", "Tanaka", "Smith",
        "Nakamura", "Fernández", "Schröder", "Ngata", "Ivanov", "Łęcki", "O'Brien", "Jönsson", "Rossi"};
    private static final String[] WORDS = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
        "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua",
        "enim", "ad", "minim", "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip",
        "ex", "ea", "commodo", "consequat", "duis", "aute", "irure", "in", "reprehenderit", "voluptate", "velit"};

    private static String json() {
        Random r = new Random(12_1);
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; sb.length() < 230_000; i++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            sb.append("  {\n    \"_id\": \"").append(Long.toHexString(r.nextLong())).append("\",\n")
                    .append("    \"index\": ").append(i).append(",\n")
                    .append("    \"guid\": \"").append(new java.util.UUID(r.nextLong(), r.nextLong())).append("\",\n")
                    .append("    \"isActive\": ").append(r.nextBoolean()).append(",\n")
                    .append("    \"balance\": \"$").append(r.nextInt(4000)).append('.').append(10 + r.nextInt(90))
                    .append("\",\n    \"age\": ").append(20 + r.nextInt(50)).append(",\n")
                    .append("    \"name\": \"").append(first).append(' ').append(last).append("\",\n")
                    .append("    \"email\": \"").append(first.toLowerCase(java.util.Locale.ROOT)).append('.')
                    .append(last.toLowerCase(java.util.Locale.ROOT)).append("@example.com\",\n")
                    .append("    \"about\": \"").append(words(r, 12 + r.nextInt(20))).append("\",\n")
                    .append("    \"latitude\": ").append(r.nextDouble() * 180 - 90).append(",\n")
                    .append("    \"longitude\": ").append(r.nextDouble() * 360 - 180).append(",\n")
                    .append("    \"tags\": [\"").append(words(r, 1)).append("\", \"").append(words(r, 1))
                    .append("\"],\n    \"greeting\": \"Hello, ").append(first)
                    .append("! You have ").append(r.nextInt(20)).append(" unread messages.\"\n  },\n");
        }
        return sb.append("]\n").toString();
    }

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static final String[] GERMAN = {"Habe", "nun", "ach", "Philosophie", "Juristerei", "und", "Medizin",
        "leider", "auch", "Theologie", "durchaus", "studiert", "mit", "heißem", "Bemühn", "da", "steh", "ich",
        "armer", "Tor", "bin", "so", "klug", "als", "wie", "zuvor", "Geist", "Welt", "Nacht", "Mond", "Seele",
        "Blüte", "schön", "Träume", "Gretchen", "Herz", "Lust", "Mühe", "Gefühl", "Kräfte", "über", "Tränen", "Weib"};
    private static final String[] SPEAKERS = {"FAUST:", "MEPHISTOPHELES:", "WAGNER:", "MARGARETE:", "CHOR:"};

    private static String verse() {
        Random r = new Random(12_3);
        StringBuilder sb = new StringBuilder("Faust: Der Tragödie erster Teil\r\n\r\n");
        while (sb.length() < 240_000) {
            sb.append(SPEAKERS[r.nextInt(SPEAKERS.length)]).append("\r\n");
            int lines = 2 + r.nextInt(8);
            for (int l = 0; l < lines; l++) {
                int n = 4 + r.nextInt(5);
                StringBuilder line = new StringBuilder();
                for (int w = 0; w < n; w++) {
                    if (w > 0) {
                        line.append(' ');
                    }
                    line.append(GERMAN[r.nextInt(GERMAN.length)]);
                }
                line.setCharAt(0, Character.toUpperCase(line.charAt(0)));
                sb.append(line).append(r.nextInt(4) == 0 ? "!" : ",").append("\r\n");
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static String html() {
        Random r = new Random(12_4);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Large HTML file</title>\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n");
        for (int i = 0; sb.length() < 280_000; i++) {
            sb.append("<div class=\"row item-").append(i % 7).append("\" id=\"item").append(i).append("\">\n")
                    .append("  <h2><a href=\"/articles/").append(r.nextInt(100_000)).append("\">")
                    .append(words(r, 3 + r.nextInt(5))).append("</a></h2>\n")
                    .append("  <p class=\"byline\">by ").append(FIRST[r.nextInt(FIRST.length)]).append(' ')
                    .append(LAST[r.nextInt(LAST.length)]).append(" &middot; ").append(1 + r.nextInt(28))
                    .append(".").append(1 + r.nextInt(12)).append(".20").append(10 + r.nextInt(14)).append("</p>\n")
                    .append("  <p>").append(words(r, 20 + r.nextInt(40))).append("</p>\n");
            if (r.nextInt(4) == 0) {
                sb.append("  <table class=\"data\">\n");
                for (int row = 0; row < 3 + r.nextInt(4); row++) {
                    sb.append("    <tr><td>").append(words(r, 1)).append("</td><td>").append(r.nextInt(10_000))
                            .append("</td><td class=\"num\">").append(r.nextInt(100)).append("%</td></tr>\n");
                }
                sb.append("  </table>\n");
            }
            sb.append("</div>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static byte[] bitmap() {
        int w = 512;
        int h = 512;
        int pixels = w * h;
        int offset = 14 + 40 + 1024;
        int size = offset + pixels;
        byte[] b = new byte[size];
        b[0] = 'B';
        b[1] = 'M';
        le32(b, 2, size);
        le32(b, 10, offset);
        le32(b, 14, 40);
        le32(b, 18, w);
        le32(b, 22, h);
        b[26] = 1;
        b[28] = 8;
        le32(b, 34, pixels);
        le32(b, 38, 2835);
        le32(b, 42, 2835);
        le32(b, 46, 256);
        for (int i = 0; i < 256; i++) {
            b[54 + 4 * i] = (byte) i;
            b[55 + 4 * i] = (byte) i;
            b[56 + 4 * i] = (byte) i;
        }
        Random r = new Random(12_2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 128 + 50 * Math.sin(x / 37.0) * Math.cos(y / 23.0) + 40 * Math.sin((x + y) / 71.0)
                        - 0.15 * Math.hypot(x - 256, y - 230) + r.nextGaussian() * 6;
                b[offset + y * w + x] = (byte) Math.max(0, Math.min(255, (int) v));
            }
        }
        return b;
    }

    private static void le32(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }

    private static byte[] pdf(int size) {
        Random r = new Random(12_5);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 70_000);
        out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int obj = 1; out.size() < size; obj++) {
            byte[] stream = compressed(r, 8_000 + r.nextInt(40_000));
            out.writeBytes((obj + " 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(stream);
            out.writeBytes(("\nendstream\nendobj\n" + (obj + 1000) + " 0 obj\n<< /Type /Page /Parent 2 0 R "
                    + "/MediaBox [0 0 612 792] /Contents " + obj + " 0 R >>\nendobj\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        return java.util.Arrays.copyOf(out.toByteArray(), size);
    }

    private static byte[] compressed(Random r, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append("BT /F1 ").append(8 + r.nextInt(6)).append(" Tf ").append(r.nextInt(600)).append(' ')
                    .append(r.nextInt(800)).append(" Td (").append(words(r, 6)).append(") Tj ET\n");
        }
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        d.finish();
        byte[] buf = new byte[length + 1024];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }
}
