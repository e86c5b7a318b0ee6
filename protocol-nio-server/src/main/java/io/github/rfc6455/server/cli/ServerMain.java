package io.github.rfc6455.server.cli;

import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.nio.TransportConfig;
import io.github.rfc6455.server.WebSocketHandler;
import io.github.rfc6455.server.WebSocketServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The runnable echo and chat servers of {@code protocol-nio-server.jar} (Qt's WebSocket examples):
 * <pre>
 * java -jar protocol-nio-server.jar echo [options]   # default port 1234
 * java -jar protocol-nio-server.jar chat [options]   # default port 3000
 * </pre>
 * When ready it prints exactly one line, {@code listening on ws://HOST:PORT/} (or {@code wss://}), to standard output.
 * On SIGTERM (or Ctrl-C) it closes every connection with 1001 (going away) and exits with status 0 within 5 seconds.
 * A bad command line prints the usage to standard error and exits with status 2; a server that cannot start (a port
 * in use, an unreadable key store) exits with status 1.
 *
 * <p>Not meant to be used from other code; {@link #main} runs once per process (the shutdown hook is the only other
 * thread that touches the server, and the server is thread-safe).
 */
public final class ServerMain {
    private static final System.Logger LOG = System.getLogger(ServerMain.class.getName());
    /** How long the closing handshakes may take on SIGTERM: the process must be gone within 5 seconds. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

    private ServerMain() {
    }

    /**
     * Runs the server until SIGTERM.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (CliOptions.wantsHelp(args)) {
            System.out.println(CliOptions.USAGE);
            return;
        }
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliOptions.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(CliOptions.USAGE);
            System.exit(2);
            return;
        }
        // The hook goes in before the server starts and prints its line: a SIGTERM right after that line must find it.
        AtomicReference<WebSocketServer> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WebSocketServer started = running.get();
            if (started != null) {
                try {
                    started.shutdown(SHUTDOWN_TIMEOUT).get(SHUTDOWN_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "shutdown did not complete", e);
                }
            }
            System.out.flush();
            // A JVM ended by a signal exits with 128 + signal; the contract asks for 0 after a clean shutdown.
            Runtime.getRuntime().halt(0);
        }, "rfc6455-shutdown"));
        WebSocketServer server;
        try {
            server = start(options, System.out, running::set);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            System.err.println("error: cannot start the server: " + e.getMessage());
            System.exit(1);
            return;
        }
        server.terminationFuture().join();
    }

    /**
     * Starts the server the options describe and prints the {@code listening on} line.
     *
     * @param options the parsed command line
     * @param out where the line goes
     * @param started told about the running server before the line is printed (the SIGTERM hook needs it)
     * @return the running server
     * @throws IOException when the address cannot be bound or the key store cannot be read
     * @throws GeneralSecurityException when the key store holds no usable key
     */
    static WebSocketServer start(CliOptions options, PrintStream out, Consumer<WebSocketServer> started)
            throws IOException, GeneralSecurityException {
        WebSocketServer server = builder(options).build().start();
        started.accept(server);
        InetSocketAddress bound = server.localAddresses().get(0);
        out.println("listening on " + (options.tlsKeystore() != null ? "wss" : "ws") + "://"
                + displayHost(options.host(), bound) + ":" + bound.getPort() + "/");
        out.flush();
        return server;
    }

    static WebSocketServer.Builder builder(CliOptions options) throws IOException, GeneralSecurityException {
        WebSocketConfig config = WebSocketConfig.builder()
                .maxSize(options.maxMessage())
                .extensions(Extensions.forServer(options.deflate()))
                .build();
        InetSocketAddress address = options.host() == null ? new InetSocketAddress(options.port())
                : new InetSocketAddress(options.host(), options.port());
        if (address.isUnresolved()) {
            throw new IOException("unknown host: " + options.host());
        }
        WebSocketServer.Builder builder = WebSocketServer.builder()
                .threads(options.threads())
                .threadName("rfc6455-" + options.command())
                .webSocketConfig(config)
                .subprotocols(options.subprotocols())
                .allowedOrigins(options.origins());
        if (options.maxConnections() > 0) {
            builder.maxConnections(options.maxConnections());
        }
        if (options.idleTimeoutSeconds() > 0) {
            builder.transportConfig(TransportConfig.builder()
                    .idleTimeout(Duration.ofSeconds(options.idleTimeoutSeconds())).build());
        }
        if (options.tlsKeystore() != null) {
            SSLContext tls = WebSocketServer.tlsContext(options.tlsKeystore(), options.tlsPassword().toCharArray());
            builder.listenTls(address, tls);
        } else {
            builder.listen(address);
        }
        WebSocketHandler handler;
        if (options.command().equals(CliOptions.CHAT)) {
            handler = new ChatHandler();
            builder.resource("/", "text/html; charset=utf-8", chatPage());
        } else {
            handler = new EchoHandler();
        }
        return builder.defaultRoute(handler);
    }

    /** @return the host as given, or for all interfaces {@code 0.0.0.0}; IPv6 literals in brackets */
    static String displayHost(String given, InetSocketAddress bound) {
        if (given != null) {
            return given.indexOf(':') >= 0 && !given.startsWith("[") ? "[" + given + "]" : given;
        }
        InetAddress address = bound.getAddress();
        if (address.isAnyLocalAddress()) {
            return "0.0.0.0";
        }
        String literal = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + literal + "]" : literal;
    }

    static byte[] chatPage() {
        try (InputStream in = ServerMain.class.getResourceAsStream("chat.html")) {
            if (in == null) {
                throw new IllegalStateException("chat.html is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chat.html", e);
        }
    }
}
