package io.github.rfc6455.client.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code protocol-client.jar}:
 * <pre>
 * java -jar protocol-client.jar chat URL [--subprotocol P]... [--reconnect]
 * java -jar protocol-client.jar autobahn URL [--agent NAME] [--cases FROM-TO]
 * </pre>
 * {@code chat} is the command-line twin of Qt's QML chat client ({@link ChatClient}); {@code autobahn} drives an
 * Autobahn testsuite fuzzingserver ({@link AutobahnDriver}). Standard input and output are UTF-8.
 *
 * <p>Thread-safe: {@link #run} keeps no state between calls.
 */
public final class ClientMain {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar protocol-client.jar chat URL [--subprotocol P]... [--reconnect]",
            "       java -jar protocol-client.jar autobahn URL [--agent NAME] [--cases FROM-TO]",
            "  chat      sends every line of standard input as a text message and prints",
            "            '# socket open', '< MESSAGE', '< [binary N bytes]', '> LINE', '# socket closed',",
            "            '# socket error ERRORSTRING'; at end of input closes with 1000 and exits 0",
            "  autobahn  runs every case of an Autobahn fuzzingserver (e.g. ws://127.0.0.1:9001), echoing every",
            "            message, then updates its reports; agent defaults to " + AutobahnDriver.DEFAULT_AGENT);

    private ClientMain() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs a command with the given streams, for embedding and tests.
     *
     * @param args the command line
     * @param in standard input (UTF-8 lines for {@code chat})
     * @param out standard output
     * @param err standard error
     * @return the exit status: 0 on success, 1 when the connection failed, 2 for a usage error
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            switch (args[0]) {
                case "chat":
                    return ChatClient.run(ChatClient.Options.parse(rest), in, out);
                case "autobahn":
                    return AutobahnDriver.main(rest, out, err);
                default:
                    throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }
}
