package io.github.rfc6455.conformance;

/**
 * What a case can do on its connection: the official fuzzer's protocol API ({@code sendFrame}, {@code sendMessage},
 * {@code sendClose}, {@code killAfter}, ...). Every method may send anything, valid or not, and is only called on the
 * connection's reactor thread.
 */
interface Fuzzer {

    /** Whether the kit plays the server (client tests). */
    boolean isServer();

    /** Whether the connection is open (no close frame sent or received yet). */
    boolean isOpen();

    /** Whether permessage-deflate was negotiated on this connection. */
    boolean compressionActive();

    /** Splits every later {@link #sendMessage(byte[], boolean)} into frames of this many payload octets (0: off). */
    void setAutoFragmentSize(int size);

    /** Sends one frame exactly as described. */
    void sendFrame(OutFrame frame);

    /** Sends a message, compressed when negotiated, fragmented by the auto-fragment size. Ignored unless open. */
    void sendMessage(byte[] payload, boolean binary);

    /** Sends a message in frames of {@code fragmentSize} payload octets (official fragmentation, see the kit notes). */
    void sendMessage(byte[] payload, boolean binary, int fragmentSize);

    /** Starts the closing handshake with an optional code and UTF-8 reason (cut to 123 octets). Ignored unless open. */
    void sendClose(Integer code, String reason);

    /** Starts the closing handshake with any code and raw reason octets, valid or not. Ignored unless open. */
    void sendCloseFrame(Integer code, byte[] reason);

    /** Streaming send: starts a message. */
    void beginMessage(boolean binary);

    /** Streaming send: writes a frame header (FIN clear) announcing {@code length} payload octets. */
    void beginMessageFrame(long length);

    /** Streaming send: writes (masked as needed) payload octets of the current frame. */
    void sendMessageFrameData(byte[] data);

    /** Streaming send: ends the message with an empty final continuation frame. */
    void endMessage();

    /** Fails the connection (close 1001) after {@code seconds} unless it is closed by then. */
    void killAfter(double seconds);

    /** Starts the closing handshake (no code) after {@code seconds} unless the connection is closed by then. */
    void closeAfter(double seconds);

    /** Runs {@code action} on the reactor after {@code seconds} unless the connection is closed by then. */
    void continueLater(double seconds, Runnable action);
}
