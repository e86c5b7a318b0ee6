package io.github.rfc6455.conformance;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 request or response head (RFC 9112 section 2): start line and header fields, read up to the blank line
 * and no further, so bytes that follow (the first WebSocket frames) stay in the stream.
 *
 * <p>Immutable; thread-safe.
 *
 * @param startLine the request line or status line
 * @param headers field names in lower case to their values in order of appearance
 */
record HttpHead(String startLine, Map<String, List<String>> headers) {

    /** Largest head the kit accepts. */
    static final int MAX_HEAD = 16 * 1024;

    HttpHead {
        headers = Map.copyOf(headers);
    }

    /**
     * Reads one head.
     *
     * @throws IOException on I/O errors, end of stream, or a head larger than {@link #MAX_HEAD}
     */
    static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(512);
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the HTTP head (" + raw.size() + " octets read)");
            }
            raw.write(b);
            if (raw.size() > MAX_HEAD) {
                throw new IOException("HTTP head larger than " + MAX_HEAD + " octets");
            }
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1
                    : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : (b == '\r' ? 1 : 0);
        }
        return parse(raw.toString(StandardCharsets.ISO_8859_1));
    }

    static HttpHead parse(String text) throws IOException {
        String[] lines = text.split("\r\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            throw new IOException("empty HTTP head");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + lines[i]);
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        return new HttpHead(lines[0], headers);
    }

    /** All values of a field joined with ", " (RFC 9110 section 5.3), or {@code null} when absent. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : String.join(", ", values);
    }

    /** How many times a field appears. */
    int count(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? 0 : values.size();
    }

    /** Whether the comma-separated field contains {@code token}, case-insensitively. */
    boolean hasToken(String name, String token) {
        String value = header(name);
        if (value == null) {
            return false;
        }
        for (String t : value.split(",")) {
            if (t.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
