package io.github.rfc6455.core.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable, case-insensitive, order-preserving, multi-valued list of HTTP header fields (RFC 7230 section 3.2).
 * Names are matched case-insensitively; values are ISO-8859-1 strings with optional whitespace trimmed. Names must be
 * tokens and values must not contain control characters other than horizontal tab, so a header list can always be
 * written out without header injection.
 *
 * <p>Immutable and thread-safe; its {@link Builder} is not thread-safe.
 */
public final class HttpHeaders {
    /** The empty header list. */
    public static final HttpHeaders EMPTY = new HttpHeaders(new String[0]);

    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) TCHAR[c] = true;
        for (char c = 'a'; c <= 'z'; c++) TCHAR[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TCHAR[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TCHAR[c] = true;
    }

    /** name0, value0, name1, value1, ... */
    private final String[] fields;

    /** Wraps already validated fields without copying. */
    HttpHeaders(String[] fields) {
        this.fields = fields;
    }

    /**
     * @param namesAndValues alternating names and values, for example {@code of("Host", "a", "Origin", "b")}
     * @return the header list in the given order
     * @throws IllegalArgumentException for an odd number of arguments, a name that is not a token or a value with
     *     control characters
     */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param name a header name, matched case-insensitively
     * @return the value of the first field with that name, or null when there is none
     */
    public String first(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /**
     * @param name a header name, matched case-insensitively
     * @return the values of every field with that name, in order (empty when there is none)
     */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                values.add(fields[i + 1]);
            }
        }
        return List.copyOf(values);
    }

    /**
     * @param name a header name, matched case-insensitively
     * @return true when at least one field has that name
     */
    public boolean contains(String name) {
        return first(name) != null;
    }

    /**
     * @param name a header name, matched case-insensitively
     * @return how many fields have that name
     */
    public int count(String name) {
        int count = 0;
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The elements of a comma-separated list header (RFC 7230 section 7, the {@code #rule}) across every occurrence
     * of the header: values split on commas, trimmed, empty elements dropped. Quoted strings are not interpreted.
     *
     * @param name a header name, matched case-insensitively
     * @return the list elements in order (empty when the header is absent)
     */
    public List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                split(fields[i + 1], tokens);
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * @param name a header name, matched case-insensitively
     * @param token the element to look for, matched case-insensitively
     * @return true when {@link #tokens(String)} of that header contains the token, for example
     *     {@code containsToken("Connection", "upgrade")} for {@code Connection: keep-alive, Upgrade}
     */
    public boolean containsToken(String name, String token) {
        for (String t : tokens(name)) {
            if (t.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** @return the number of header fields */
    public int size() {
        return fields.length / 2;
    }

    /**
     * @param i the index of a field, from 0 to {@link #size()} - 1
     * @return the name of that field, as given
     */
    public String name(int i) {
        Objects.checkIndex(i, size());
        return fields[2 * i];
    }

    /**
     * @param i the index of a field, from 0 to {@link #size()} - 1
     * @return the value of that field
     */
    public String value(int i) {
        Objects.checkIndex(i, size());
        return fields[2 * i + 1];
    }

    /**
     * @param c a character
     * @return true when it is a {@code tchar} of RFC 7230 section 3.2.6
     */
    public static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TCHAR[c];
    }

    /**
     * @param s a string
     * @return true when it is a non-empty {@code token} of RFC 7230 section 3.2.6 (method, header name, subprotocol,
     *     extension name and parameter syntax)
     */
    public static boolean isToken(CharSequence s) {
        if (s == null || s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t';
    }

    /** @return value.substring(start, end) without leading and trailing spaces and tabs (RFC 7230 OWS) */
    static String trim(String value, int start, int end) {
        while (start < end && isWhitespace(value.charAt(start))) start++;
        while (end > start && isWhitespace(value.charAt(end - 1))) end--;
        return value.substring(start, end);
    }

    /** Adds the trimmed, non-empty, comma-separated elements of value to out; linear in the length of value. */
    private static void split(String value, List<String> out) {
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == ',') {
                String token = trim(value, start, i);
                if (!token.isEmpty()) {
                    out.add(token);
                }
                start = i + 1;
            }
        }
    }

    /** Names compare case-insensitively, values exactly, in order. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HttpHeaders)) {
            return false;
        }
        String[] other = ((HttpHeaders) o).fields;
        if (other.length != fields.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equalsIgnoreCase(other[i]) || !fields[i + 1].equals(other[i + 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < fields.length; i += 2) {
            h = 31 * (31 * h + fields[i].toLowerCase(Locale.ROOT).hashCode()) + fields[i + 1].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < fields.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(fields[i]).append(": ").append(fields[i + 1]);
        }
        return sb.append(']').toString();
    }

    /**
     * Collects header fields for an immutable {@link HttpHeaders}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final List<String> fields = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a field.
         *
         * @param name a token (RFC 7230 section 3.2.6)
         * @param value a value without control characters other than tab, ISO-8859-1 only; surrounding whitespace is
         *     trimmed
         * @return this builder
         * @throws IllegalArgumentException when the name or value is invalid
         */
        public Builder add(String name, String value) {
            if (!isToken(name)) {
                throw new IllegalArgumentException("header name is not a token: " + Http.quote(name));
            }
            fields.add(name);
            fields.add(checkValue(name, value));
            return this;
        }

        /**
         * Replaces every field with that name (case-insensitively) by one field appended at the end.
         *
         * @param name a token
         * @param value a valid value, see {@link #add(String, String)}
         * @return this builder
         */
        public Builder set(String name, String value) {
            return remove(name).add(name, value);
        }

        /**
         * @param name a header name, matched case-insensitively
         * @return this builder, without any field of that name
         */
        public Builder remove(String name) {
            for (int i = fields.size() - 2; i >= 0; i -= 2) {
                if (fields.get(i).equalsIgnoreCase(name)) {
                    fields.subList(i, i + 2).clear();
                }
            }
            return this;
        }

        /**
         * @param headers fields to append in their order
         * @return this builder
         */
        public Builder addAll(HttpHeaders headers) {
            fields.addAll(List.of(headers.fields));
            return this;
        }

        /** @return the immutable header list */
        public HttpHeaders build() {
            return fields.isEmpty() ? EMPTY : new HttpHeaders(fields.toArray(new String[0]));
        }

        private static String checkValue(String name, String value) {
            Objects.requireNonNull(value, "value");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                    throw new IllegalArgumentException(String.format(
                            "invalid character U+%04X in the value of header %s", (int) c, name));
                }
            }
            return trim(value, 0, value.length());
        }
    }
}
