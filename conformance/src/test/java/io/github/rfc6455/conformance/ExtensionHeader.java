package io.github.rfc6455.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a {@code Sec-WebSocket-Extensions} header value (RFC 6455 section 9.1) into extensions with parameters,
 * the way the official fuzzer does: names and parameter names lower-cased, quotes removed, a parameter without a value
 * has the value {@code null}.
 *
 * <p>Stateless; thread-safe.
 */
final class ExtensionHeader {

    /**
     * One offered or accepted extension.
     *
     * @param name the extension token, lower case
     * @param params parameter name to its values in order of appearance (a value is {@code null} when absent)
     */
    record Extension(String name, Map<String, List<String>> params) {
    }

    private ExtensionHeader() {
    }

    static List<Extension> parse(String header) {
        List<Extension> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String element : header.split(",")) {
            String trimmed = element.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(";");
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? null : unquote(p.substring(eq + 1).trim());
                params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
            out.add(new Extension(parts[0].trim().toLowerCase(Locale.ROOT), params));
        }
        return out;
    }

    private static String unquote(String value) {
        String v = value;
        if (v.startsWith("\"")) {
            v = v.substring(1);
        }
        if (v.endsWith("\"")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
