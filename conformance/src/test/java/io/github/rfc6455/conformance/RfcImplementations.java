package io.github.rfc6455.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * THE HOOK: how the kit finds our own server and client. Both are driven through their command lines as CONTRACT.md
 * defines them ({@code echo} and {@code autobahn}), in a child JVM on the test class path, so the kit needs no
 * compile-time knowledge of their APIs. Change the class names here if the entry points move.
 *
 * <p>Stateless; thread-safe.
 */
final class RfcImplementations {

    /** The server's command-line entry point ({@code java -jar protocol-nio-server.jar echo ...}). */
    static final String SERVER_MAIN = "io.github.rfc6455.server.cli.ServerMain";
    /** The client's command-line entry point ({@code java -jar protocol-client.jar autobahn ...}). */
    static final String CLIENT_MAIN = "io.github.rfc6455.client.cli.ClientMain";
    /** The agent name used for our implementation in reports. */
    static final String AGENT = "rfc6455";

    private RfcImplementations() {
    }

    /** Whether a class is on the test class path (our implementation may not exist yet). */
    static boolean available(String className) {
        try {
            Class.forName(className, false, RfcImplementations.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static ServerUnderTest server(Path logDir) {
        return new ProcessServerUnderTest(AGENT, SERVER_MAIN, List.of("echo", "--host", "127.0.0.1", "--port", "0"),
                logDir.resolve("server.log"));
    }

    static ClientUnderTest client(Path logDir) {
        return new ProcessClientUnderTest(AGENT, CLIENT_MAIN, logDir);
    }
}
