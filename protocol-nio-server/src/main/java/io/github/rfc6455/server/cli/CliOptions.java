package io.github.rfc6455.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of the echo and chat servers (see {@link ServerMain} and the project's CONTRACT.md, section
 * Server), parsed and checked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param command {@code echo} or {@code chat}
 * @param host the address to bind, or null for all interfaces
 * @param port the port; 0 picks a free one
 * @param deflate whether permessage-deflate is accepted
 * @param maxMessage the largest message (and frame) accepted; larger ones close with 1009
 * @param subprotocols the supported subprotocols, most preferred first
 * @param origins the allowed Origin values; empty allows any
 * @param tlsKeystore the PKCS12 key store for {@code wss}, or null for {@code ws}
 * @param tlsPassword the key store's password, or null
 * @param threads the number of event loop threads
 * @param maxConnections the most WebSocket sessions at once (more get 503), 0 for no limit
 * @param idleTimeoutSeconds close a connection that received nothing for this long (1001), 0 for never
 */
record CliOptions(String command, String host, int port, boolean deflate, long maxMessage, List<String> subprotocols,
                  List<String> origins, Path tlsKeystore, String tlsPassword, int threads, int maxConnections,
                  int idleTimeoutSeconds) {

    static final String ECHO = "echo";
    static final String CHAT = "chat";
    static final long DEFAULT_MAX_MESSAGE = 16L * 1024 * 1024;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar protocol-nio-server.jar echo|chat [options]",
            "  echo                       send every message back to its sender (default port 1234)",
            "  chat                       greet each client and relay every message to all clients; GET / serves",
            "                             a browser chat page (default port 3000)",
            "options:",
            "  --host ADDR                address to listen on (default: all interfaces)",
            "  --port N                   port to listen on, 0 for any free port",
            "  --no-deflate               do not accept permessage-deflate (accepted by default)",
            "  --max-message BYTES        largest message and frame accepted (default 16777216); larger: close 1009",
            "  --subprotocols a,b         supported subprotocols, in order of preference",
            "  --origins URL,URL          allowed Origin values (default: any)",
            "  --tls-keystore FILE.p12    serve wss with the key and certificate in this PKCS12 key store",
            "  --tls-password PW          password of the key store (and of its key)",
            "  --threads N                event loop threads (default: available processors)",
            "  --max-connections N        at most N WebSocket sessions at once, more get 503 (default: no limit)",
            "  --idle-timeout SECONDS     close connections idle that long with 1001 (default: never)",
            "  --help                     print this help");

    /** The command line is not valid: the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param args the arguments
     * @return true when {@code --help} (or {@code -h}) is among them
     */
    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /**
     * @param args the command line: a command, then options ({@code --name value} or {@code --name=value})
     * @return the options
     * @throws UsageException naming the first problem
     */
    static CliOptions parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("missing command: echo or chat");
        }
        String command = args[0];
        if (!command.equals(ECHO) && !command.equals(CHAT)) {
            throw new UsageException("unknown command: " + command + " (expected echo or chat)");
        }
        String host = null;
        int port = command.equals(ECHO) ? 1234 : 3000;
        boolean deflate = true;
        long maxMessage = DEFAULT_MAX_MESSAGE;
        List<String> subprotocols = List.of();
        List<String> origins = List.of();
        Path keystore = null;
        String password = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int maxConnections = 0;
        int idleTimeout = 0;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--no-deflate")) {
                if (value != null) {
                    throw new UsageException("--no-deflate takes no value");
                }
                deflate = false;
                continue;
            }
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--host":
                    if (value.isBlank()) {
                        throw new UsageException("--host needs an address");
                    }
                    host = value;
                    break;
                case "--port":
                    port = (int) number(name, value, 0, 65535);
                    break;
                case "--max-message":
                    maxMessage = number(name, value, 1, Integer.MAX_VALUE - 8);
                    break;
                case "--threads":
                    threads = (int) number(name, value, 1, 1024);
                    break;
                case "--max-connections":
                    maxConnections = (int) number(name, value, 1, Integer.MAX_VALUE);
                    break;
                case "--idle-timeout":
                    idleTimeout = (int) number(name, value, 1, 86_400);
                    break;
                case "--subprotocols":
                    subprotocols = list(name, value);
                    break;
                case "--origins":
                    origins = list(name, value);
                    break;
                case "--tls-keystore":
                    keystore = Path.of(value);
                    break;
                case "--tls-password":
                    password = value;
                    break;
                default:
                    throw new UsageException("unknown option: " + name);
            }
        }
        if ((keystore == null) != (password == null)) {
            throw new UsageException("--tls-keystore and --tls-password go together");
        }
        return new CliOptions(command, host, port, deflate, maxMessage, subprotocols, origins, keystore, password,
                threads, maxConnections, idleTimeout);
    }

    private static long number(String name, String value, long min, long max) throws UsageException {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number: " + value);
        }
        if (n < min || n > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ": " + value);
        }
        return n;
    }

    private static List<String> list(String name, String value) throws UsageException {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw new UsageException(name + " has an empty element: " + value);
            }
            items.add(trimmed);
        }
        return List.copyOf(items);
    }
}
