package io.github.rfc6455.core.frame;

/**
 * Status codes of a Close frame (RFC 6455 section 7.4 and the IANA "WebSocket Close Code Number" registry).
 *
 * <p>Stateless and thread-safe.
 */
public final class CloseCodes {
    /** 1000: normal closure; the purpose of the connection has been fulfilled. */
    public static final int NORMAL_CLOSURE = 1000;
    /** 1001: an endpoint is going away (server shutdown, browser navigating away). */
    public static final int GOING_AWAY = 1001;
    /** 1002: the endpoint is terminating the connection due to a protocol error. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a type of data the endpoint cannot accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reserved, never sent; reported when a Close frame carried no status code (section 7.1.5). */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** 1006: reserved, never sent; reported when the connection closed without a Close frame (section 7.1.5). */
    public static final int ABNORMAL_CLOSURE = 1006;
    /** 1007: data inconsistent with the type of the message, e.g. non-UTF-8 in a text message (section 8.1). */
    public static final int INVALID_FRAME_PAYLOAD_DATA = 1007;
    /** 1008: a message violates the endpoint's policy (also used for a consumer too slow to keep up). */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1010: the client expected the server to negotiate an extension. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** 1011: the server met an unexpected condition. */
    public static final int INTERNAL_ERROR = 1011;
    /** 1012: the service is restarting (IANA registry). */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: try again later (IANA registry). */
    public static final int TRY_AGAIN_LATER = 1013;
    /** 1014: bad gateway (IANA registry). */
    public static final int BAD_GATEWAY = 1014;
    /** 1015: reserved, never sent; reported when the TLS handshake failed. */
    public static final int TLS_HANDSHAKE = 1015;

    private CloseCodes() {
    }

    /**
     * Whether a code may appear in a Close frame on the wire (section 7.4.1 and 7.4.2): 1000-1003, 1007-1014
     * (1012-1014 registered with IANA after RFC 6455) and 3000-4999 (libraries, frameworks and applications).
     * 0-999, 1004, 1005, 1006, 1015, 1016-2999 and 5000 and above are invalid.
     *
     * @param code a status code
     * @return true when an endpoint may send it and must accept it
     */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }
}
