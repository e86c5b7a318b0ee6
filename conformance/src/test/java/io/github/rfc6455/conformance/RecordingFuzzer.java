package io.github.rfc6455.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A test double of {@link Fuzzer} without sockets: records what a case sends and what it schedules, so verdict logic
 * and case scripts can be checked directly.
 *
 * <p>Not thread-safe.
 */
final class RecordingFuzzer implements Fuzzer {

    /** A scheduled action. */
    record Timer(String kind, double seconds, Runnable action) {
    }

    final List<OutFrame> frames = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<Timer> timers = new ArrayList<>();
    boolean open = true;
    boolean compression;
    private final boolean server;

    RecordingFuzzer(boolean server) {
        this.server = server;
    }

    @Override
    public boolean isServer() {
        return server;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean compressionActive() {
        return compression;
    }

    @Override
    public void setAutoFragmentSize(int size) {
        calls.add("autoFragmentSize " + size);
    }

    @Override
    public void sendFrame(OutFrame frame) {
        frames.add(frame);
    }

    @Override
    public void sendMessage(byte[] payload, boolean binary) {
        calls.add("message " + payload.length + (binary ? " binary" : " text"));
    }

    @Override
    public void sendMessage(byte[] payload, boolean binary, int fragmentSize) {
        calls.add("message " + payload.length + (binary ? " binary" : " text") + " in " + fragmentSize);
    }

    @Override
    public void sendClose(Integer code, String reason) {
        calls.add("close " + code);
        open = false;
    }

    @Override
    public void sendCloseFrame(Integer code, byte[] reason) {
        calls.add("closeFrame " + code);
        open = false;
    }

    @Override
    public void beginMessage(boolean binary) {
        calls.add("beginMessage");
    }

    @Override
    public void beginMessageFrame(long length) {
        calls.add("beginMessageFrame " + length);
    }

    @Override
    public void sendMessageFrameData(byte[] data) {
        calls.add("data " + Cases.hex(data));
    }

    @Override
    public void endMessage() {
        calls.add("endMessage");
    }

    @Override
    public void killAfter(double seconds) {
        timers.add(new Timer("kill", seconds, () -> { }));
    }

    @Override
    public void closeAfter(double seconds) {
        timers.add(new Timer("close", seconds, () -> { }));
    }

    @Override
    public void continueLater(double seconds, Runnable action) {
        timers.add(new Timer("continue", seconds, action));
    }

    /** Runs (and forgets) the first pending continueLater action. */
    void runNextContinuation() {
        for (int i = 0; i < timers.size(); i++) {
            if (timers.get(i).kind().equals("continue")) {
                timers.remove(i).action().run();
                return;
            }
        }
        throw new AssertionError("no continuation scheduled");
    }

    /** Facts of a connection as a test describes it. */
    static ConnectionFacts facts(boolean closedByMe, boolean wasClean, Integer remoteCode, boolean droppedByMe,
                                 boolean fuzzerIsServer) {
        return new ConnectionFacts(true, fuzzerIsServer, closedByMe, false, droppedByMe, wasClean,
                wasClean ? null : "test", 1000, remoteCode, null, 0, 0);
    }
}
