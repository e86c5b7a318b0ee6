package io.github.rfc6455.client.cli;

import io.github.rfc6455.client.ReconnectPolicy;
import io.github.rfc6455.client.WebSocket;
import io.github.rfc6455.client.WebSocketListener;
import io.github.rfc6455.client.WebSocketOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code chat URL [--subprotocol P]... [--reconnect]}: the command-line twin of Qt's QML chat client. Every line of
 * standard input is sent as a text message once the socket is open; rows show what happens:
 * {@code # socket open}, {@code < MESSAGE}, {@code < [binary N bytes]}, {@code > LINE}, {@code # socket closed},
 * {@code # socket error ERRORSTRING}, and with {@code --reconnect} {@code # socket reconnecting in ...}. At the end
 * of input it closes with 1000 (normal closure), waits for the closing handshake and returns 0; when the connection
 * ends by itself it returns 0 after a clean close and 1 after an error.
 *
 * <p>Thread-safe: each run has its own state; rows are printed whole.
 */
final class ChatClient implements WebSocketListener {
    /**
     * The parsed command line.
     *
     * @param url the server's URL
     * @param subprotocols the subprotocols to request
     * @param reconnect whether to reconnect after a lost connection
     */
    record Options(String url, List<String> subprotocols, boolean reconnect) {
        static Options parse(List<String> args) {
            String url = null;
            List<String> subprotocols = new ArrayList<>();
            boolean reconnect = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--subprotocol" -> {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException("--subprotocol needs a value");
                        }
                        subprotocols.add(args.get(++i));
                    }
                    case "--reconnect" -> reconnect = true;
                    default -> {
                        if (arg.startsWith("--") || url != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        url = arg;
                    }
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("chat needs a URL");
            }
            return new Options(url, subprotocols, reconnect);
        }
    }

    private final WebSocket socket;
    private final PrintStream out;
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private WebSocket.Status shown;
    private boolean endOfInput;

    private ChatClient(WebSocket socket, PrintStream out) {
        this.socket = socket;
        this.out = out;
    }

    /**
     * Runs a chat session until the input ends or the connection ends for good.
     *
     * @param options the command line
     * @param in the lines to send
     * @param out where the rows go
     * @return the exit status
     * @throws IllegalArgumentException when the URL or a subprotocol is invalid
     */
    static int run(Options options, InputStream in, PrintStream out) {
        WebSocketOptions.Builder builder = WebSocketOptions.builder();
        if (options.reconnect()) {
            builder.reconnect(ReconnectPolicy.exponentialBackoff());
        }
        WebSocket socket = new WebSocket(builder.build());
        socket.setUrl(options.url());
        socket.setRequestedSubprotocols(options.subprotocols());
        ChatClient chat = new ChatClient(socket, out);
        socket.addListener(chat);
        Thread reader = new Thread(() -> chat.sendLines(in), "chat-input");
        reader.setDaemon(true);
        socket.open();
        reader.start();
        return chat.finished.join();
    }

    // ------------------------------------------------------------------------------------------------ events

    @Override
    public void onStatusChanged(WebSocket.Status status) {
        switch (status) {
            case OPEN -> out.println("# socket open");
            case CLOSED -> out.println("# socket closed");
            case ERROR -> out.println("# socket error " + socket.errorString());
            default -> {
            }
        }
        boolean over = (status == WebSocket.Status.CLOSED || status == WebSocket.Status.ERROR) && !socket.isActive();
        synchronized (this) {
            shown = status;
            if (over) {
                finished.complete(endOfInput || status == WebSocket.Status.CLOSED ? 0 : 1);
            }
            notifyAll();
        }
    }

    @Override
    public void onTextMessageReceived(String message) {
        out.println("< " + message);
    }

    @Override
    public void onBinaryMessageReceived(ByteBuffer message) {
        out.println("< [binary " + message.remaining() + " bytes]");
    }

    @Override
    public void onReconnecting(int attempt, int maxAttempts, Duration delay) {
        out.println(String.format(Locale.ROOT, "# socket reconnecting in %.1f s (attempt %d of %d)",
                delay.toMillis() / 1000.0, attempt, maxAttempts));
    }

    // ------------------------------------------------------------------------------------------------ input

    private void sendLines(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!awaitOpen()) {
                    return; // the connection ended for good; run() returns
                }
                out.println("> " + line);
                socket.sendTextMessage(line).exceptionally(e -> {
                    out.println("# message not sent: " + e.getMessage());
                    return null;
                });
            }
        } catch (IOException e) {
            out.println("# cannot read standard input: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            endOfInput = true;
        }
        // Closes with 1000 and waits for the closing handshake; the CLOSED row then ends run().
        socket.close(1000, "");
    }

    /** @return true once the socket is open, false when it ended and will not reconnect */
    private synchronized boolean awaitOpen() throws InterruptedException {
        while (shown != WebSocket.Status.OPEN) {
            if (finished.isDone()) {
                return false;
            }
            wait();
        }
        return true;
    }
}
