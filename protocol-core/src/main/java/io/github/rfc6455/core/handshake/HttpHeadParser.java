package io.github.rfc6455.core.handshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An incremental, bounded, linear-time parser of one HTTP/1.1 head (RFC 7230 section 3): the request line or status
 * line, the header fields and the blank line that ends them. Bytes may arrive split anywhere; each byte is examined
 * by a small state machine once when it arrives and once more when its line is complete, never again (re-scanning
 * a growing buffer for the end of the head made CVE-2023-43669 quadratic). Only the current line is buffered, in an
 * array that grows as needed up to {@link HeadLimits#maxHeadBytes()} and is released when the head is complete, has
 * failed or the parser is {@link #reset()}.
 *
 * <p>The syntax is strict where leniency invites request smuggling: a bare CR, control characters, obsolete line
 * folding, whitespace before the colon and header names that are not tokens are rejected. Following RFC 7230
 * section 3.5, a bare LF ends a line like CRLF and empty lines before the start line are ignored. Values are decoded
 * as ISO-8859-1 and trimmed of surrounding whitespace.
 *
 * <p>A request parser fails with status 431 when the head exceeds a limit and with 400 for malformed syntax; a
 * response parser fails with status 0 (the client received no usable status).
 *
 * <p>Not thread-safe: one parser belongs to one connection.
 */
public final class HttpHeadParser {
    private enum State { START_LINE, FIELDS, COMPLETE, FAILED }

    private static final int INITIAL_LINE_CAPACITY = 128;

    private final boolean request;
    private final HeadLimits limits;
    private State state = State.START_LINE;
    /** The current line without its line ending; null while idle. */
    private byte[] line;
    private int lineLength;
    private boolean afterCr;
    private int headBytes;
    /** Method, target, version of a request; version, status, reason of a response. */
    private String[] startLine;
    /** Alternating names and values; null until the first field. */
    private List<String> fields;
    private HttpRequestHead requestHead;
    private HttpResponseHead responseHead;
    private HandshakeException failure;

    private HttpHeadParser(boolean request, HeadLimits limits) {
        this.request = request;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param limits the bounds of the head
     * @return a parser of one request head, as a server reads it
     */
    public static HttpHeadParser forRequest(HeadLimits limits) {
        return new HttpHeadParser(true, limits);
    }

    /**
     * @param limits the bounds of the head
     * @return a parser of one response head, as a client reads it
     */
    public static HttpHeadParser forResponse(HeadLimits limits) {
        return new HttpHeadParser(false, limits);
    }

    /**
     * Consumes bytes up to and including the blank line that ends the head. Once it returns true,
     * {@code in.position()} is just after the head, so the caller still holds any bytes that followed in the same
     * read (for example a first WebSocket frame); later calls return true and consume nothing until {@link #reset()}.
     *
     * @param in bytes of the head from its position to its limit, possibly only a part of it
     * @return true once the head is complete, false when more bytes are needed (all of {@code in} was consumed)
     * @throws HandshakeException with status 431 when the head exceeds a limit, 400 for malformed syntax (status 0
     *     for a response parser); the same exception again on later calls until {@link #reset()}
     */
    public boolean parse(ByteBuffer in) throws HandshakeException {
        if (state == State.COMPLETE) {
            return true;
        }
        if (state == State.FAILED) {
            throw failure;
        }
        int p = in.position();
        int limit = in.limit();
        try {
            while (p < limit) {
                int b = in.get(p++) & 0xFF;
                if (++headBytes > limits.maxHeadBytes()) {
                    throw fail(431, (request ? "request" : "response") + " head exceeds " + limits.maxHeadBytes()
                            + " bytes");
                }
                if (afterCr) {
                    if (b != '\n') {
                        throw fail(400, "bare CR in the head");
                    }
                    afterCr = false;
                    if (endOfLine()) {
                        return true;
                    }
                } else if (b == '\r') {
                    afterCr = true;
                } else if (b == '\n') {
                    if (endOfLine()) {
                        return true;
                    }
                } else if ((b < 0x20 && b != '\t') || b == 0x7F) {
                    throw fail(400, String.format("control character 0x%02X in the head", b));
                } else {
                    append((byte) b);
                }
            }
            return false;
        } finally {
            in.position(p);
        }
    }

    /**
     * @return the parsed request head
     * @throws IllegalStateException when this is not a request parser or the head is not complete
     */
    public HttpRequestHead request() {
        if (!request || state != State.COMPLETE) {
            throw new IllegalStateException("no complete request head");
        }
        return requestHead;
    }

    /**
     * @return the parsed response head
     * @throws IllegalStateException when this is not a response parser or the head is not complete
     */
    public HttpResponseHead response() {
        if (request || state != State.COMPLETE) {
            throw new IllegalStateException("no complete response head");
        }
        return responseHead;
    }

    /** Drops any partial or parsed head and the buffers it held, ready for a new head; an idle parser holds nothing. */
    public void reset() {
        release();
        state = State.START_LINE;
        headBytes = 0;
        afterCr = false;
        requestHead = null;
        responseHead = null;
        failure = null;
    }

    /** @return the capacity of the line buffer currently held, for tests of the memory bound */
    int bufferCapacity() {
        return line == null ? 0 : line.length;
    }

    private void append(byte b) {
        if (line == null) {
            line = new byte[Math.min(INITIAL_LINE_CAPACITY, limits.maxHeadBytes())];
        } else if (lineLength == line.length) {
            // lineLength < headBytes <= maxHeadBytes, so the line always fits
            line = Arrays.copyOf(line, (int) Math.min(2L * line.length, limits.maxHeadBytes()));
        }
        line[lineLength++] = b;
    }

    /** @return true when the line just ended was the blank line that completes the head */
    private boolean endOfLine() throws HandshakeException {
        if (state == State.START_LINE) {
            if (lineLength > 0) { // empty lines before the start line are ignored (RFC 7230 section 3.5)
                startLine = request ? requestLine() : statusLine();
                state = State.FIELDS;
            }
        } else if (lineLength == 0) {
            complete();
            return true;
        } else {
            field();
        }
        lineLength = 0;
        return false;
    }

    private String[] requestLine() throws HandshakeException {
        int sp1 = indexOf(' ', 0);
        int sp2 = sp1 < 0 ? -1 : indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1) {
            throw fail(400, "malformed request line " + Http.quote(text(0, lineLength)));
        }
        for (int i = 0; i < sp1; i++) {
            if (!HttpHeaders.isTokenChar(line[i])) {
                throw fail(400, "request method is not a token: " + Http.quote(text(0, sp1)));
            }
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            if (line[i] <= ' ' || line[i] == 0x7F) { // bytes >= 0x80 are negative: not ASCII either
                throw fail(400, "invalid character in request target " + Http.quote(text(sp1 + 1, sp2)));
            }
        }
        String version = text(sp2 + 1, lineLength);
        if (!Http.isVersion(version)) {
            throw fail(400, "malformed HTTP version " + Http.quote(version) + " in request line");
        }
        return new String[] {text(0, sp1), text(sp1 + 1, sp2), version};
    }

    private String[] statusLine() throws HandshakeException {
        int sp = indexOf(' ', 0);
        String version = text(0, sp < 0 ? lineLength : sp);
        boolean ok = sp > 0 && Http.isVersion(version) && sp + 4 <= lineLength
                && (sp + 4 == lineLength || line[sp + 4] == ' ');
        for (int i = sp + 1; ok && i < sp + 4; i++) {
            ok = Http.isDigit(line[i]);
        }
        if (!ok) {
            throw fail(400, "malformed status line " + Http.quote(text(0, lineLength)));
        }
        return new String[] {version, text(sp + 1, sp + 4), sp + 4 == lineLength ? "" : text(sp + 5, lineLength)};
    }

    private void field() throws HandshakeException {
        if (HttpHeaders.isWhitespace(line[0])) {
            throw fail(400, "obsolete line folding or whitespace before a header name: "
                    + Http.quote(text(0, lineLength)));
        }
        int colon = 0;
        while (colon < lineLength && line[colon] != ':') {
            if (!HttpHeaders.isTokenChar(line[colon])) {
                throw fail(400, "invalid character in header name " + Http.quote(text(0, colon + 1)));
            }
            colon++;
        }
        if (colon == lineLength || colon == 0) {
            throw fail(400, "malformed header field " + Http.quote(text(0, lineLength)));
        }
        if (fields == null) {
            fields = new ArrayList<>();
        }
        if (fields.size() / 2 >= limits.maxHeaders()) {
            throw fail(431, "more than " + limits.maxHeaders() + " header fields");
        }
        fields.add(text(0, colon));
        String value = text(colon + 1, lineLength);
        fields.add(HttpHeaders.trim(value, 0, value.length()));
    }

    private void complete() {
        HttpHeaders headers = fields == null ? HttpHeaders.EMPTY : new HttpHeaders(fields.toArray(new String[0]));
        if (request) {
            requestHead = new HttpRequestHead(startLine[0], startLine[1], startLine[2], headers);
        } else {
            responseHead = new HttpResponseHead(startLine[0], Integer.parseInt(startLine[1]), startLine[2], headers);
        }
        release();
        state = State.COMPLETE;
    }

    private HandshakeException fail(int status, String message) {
        release();
        state = State.FAILED;
        failure = new HandshakeException(request ? status : 0, message);
        return failure;
    }

    private void release() {
        line = null;
        lineLength = 0;
        startLine = null;
        fields = null;
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < lineLength; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
