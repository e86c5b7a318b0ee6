package io.github.rfc6455.core.extension;

import io.github.rfc6455.core.handshake.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser and formatter of {@code Sec-WebSocket-Extensions} (RFC 6455 section 9.1):
 * <pre>
 * extension-list = 1#extension
 * extension      = extension-token *( ";" extension-param )
 * extension-param = token [ "=" (token | quoted-string) ]
 * </pre>
 * with optional whitespace around the separators, empty list elements ignored (RFC 7230 section 7) and the unquoted
 * content of a quoted-string required to be a token, as section 9.1 demands. Several header occurrences form one
 * list. The parser is a single left-to-right pass without regular expressions, linear in the input (a regular
 * expression over this header was the ReDoS of CVE-2021-32640 in node {@code ws}).
 *
 * <p>Stateless and thread-safe.
 */
public final class ExtensionHeader {
    /** Longest excerpt of untrusted input quoted in an error message. */
    private static final int MAX_QUOTE = 64;

    private ExtensionHeader() {
    }

    /**
     * @param headerValues the values of every {@code Sec-WebSocket-Extensions} header, in order; each must hold at
     *     least one extension
     * @return the extensions in order (empty for no header)
     * @throws ExtensionSyntaxException when a value is malformed; the message says what and where
     */
    public static List<ExtensionOffer> parse(List<String> headerValues) throws ExtensionSyntaxException {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (String value : headerValues) {
            new Scanner(value).list(offers);
        }
        return List.copyOf(offers);
    }

    /**
     * @param offers extensions
     * @return their header value, for example {@code permessage-deflate; client_max_window_bits=10, x-foo};
     *     values are tokens, so they are never quoted
     */
    public static String format(List<ExtensionOffer> offers) {
        StringBuilder sb = new StringBuilder();
        for (ExtensionOffer offer : offers) {
            sb.append(sb.length() == 0 ? "" : ", ").append(offer.name());
            for (ExtensionParameter parameter : offer.parameters()) {
                sb.append("; ").append(parameter.name());
                if (parameter.value() != null) {
                    sb.append('=').append(parameter.value());
                }
            }
        }
        return sb.toString();
    }

    /** A cursor over one header value. */
    private static final class Scanner {
        private final String s;
        private int i;

        Scanner(String s) {
            this.s = s;
        }

        /** Adds the extensions of the whole value to out. */
        void list(List<ExtensionOffer> out) throws ExtensionSyntaxException {
            int before = out.size();
            while (true) {
                skipWhitespace();
                if (i == s.length()) {
                    break;
                }
                if (s.charAt(i) != ',') {
                    out.add(extension());
                    if (i == s.length()) {
                        break;
                    }
                    if (s.charAt(i) != ',') {
                        throw error("expected ',' or ';'");
                    }
                }
                i++; // the comma
            }
            if (out.size() == before) {
                throw error("no extension in the list");
            }
        }

        /** Reads one extension and the whitespace after it. */
        private ExtensionOffer extension() throws ExtensionSyntaxException {
            String name = token("extension name");
            List<ExtensionParameter> parameters = new ArrayList<>(2);
            skipWhitespace();
            while (i < s.length() && s.charAt(i) == ';') {
                i++;
                skipWhitespace();
                String parameter = token("parameter name");
                String value = null;
                skipWhitespace();
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                    skipWhitespace();
                    value = i < s.length() && s.charAt(i) == '"' ? quotedToken() : token("parameter value");
                    skipWhitespace();
                }
                parameters.add(new ExtensionParameter(parameter, value));
            }
            return new ExtensionOffer(name, parameters);
        }

        private String token(String what) throws ExtensionSyntaxException {
            int start = i;
            while (i < s.length() && HttpHeaders.isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw error("expected " + what);
            }
            return s.substring(start, i);
        }

        /** Reads a quoted-string (RFC 7230 section 3.2.6) whose unescaped content must be a token. */
        private String quotedToken() throws ExtensionSyntaxException {
            int start = i++;
            StringBuilder content = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    if (!HttpHeaders.isToken(content)) {
                        i = start;
                        throw error("quoted parameter value is not a token");
                    }
                    return content.toString();
                }
                if (c == '\\' && i < s.length()) {
                    c = s.charAt(i++);
                }
                content.append(c);
            }
            i = start;
            throw error("unterminated quoted string");
        }

        private void skipWhitespace() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private ExtensionSyntaxException error(String what) {
            String excerpt = s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE) + "...";
            return new ExtensionSyntaxException(what + " at index " + i + " of \"" + excerpt + "\"");
        }
    }
}
