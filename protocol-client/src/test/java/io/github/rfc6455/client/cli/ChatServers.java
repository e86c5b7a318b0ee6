package io.github.rfc6455.client.cli;

import io.github.rfc6455.server.Session;
import io.github.rfc6455.server.WebSocketHandler;
import io.github.rfc6455.server.WebSocketServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Chat servers for the command-line tests: in process, and our server's {@code chat} as a child process. */
final class ChatServers {
    static final String WELCOME = "Welcome to Awesome Chat";

    private ChatServers() {
    }

    /**
     * An in-process chat server: greets, then sends every message to every open session.
     *
     * @param dropFirst abort the first connection right after the greeting (to test reconnecting)
     * @param binaryGreeting also greet with a 5-byte binary message
     */
    static WebSocketServer start(boolean dropFirst, boolean binaryGreeting) throws IOException {
        AtomicInteger connections = new AtomicInteger();
        WebSocketServer[] server = new WebSocketServer[1];
        server[0] = WebSocketServer.builder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .threads(1)
                .daemonThreads(true)
                .subprotocols(List.of("chat"))
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onOpen(Session session) {
                        session.sendText(WELCOME);
                        if (binaryGreeting) {
                            session.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}));
                        }
                        if (dropFirst && connections.getAndIncrement() == 0) {
                            session.sendText("dropping you").thenRun(session::abort);
                        }
                    }

                    @Override
                    public void onText(Session session, String text) {
                        for (io.github.rfc6455.server.Session s : server[0].sessions()) {
                            s.sendText(text);
                        }
                    }

                    @Override
                    public void onBinary(Session session, ByteBuffer data) {
                        for (io.github.rfc6455.server.Session s : server[0].sessions()) {
                            s.sendBinary(data.duplicate());
                        }
                    }
                })
                .build();
        return server[0].start();
    }

    /** @return the command to run a main class of the test class path in a new JVM */
    static List<String> java(String mainClass, String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** A child process running our server's command line; reads its {@code listening on} line. */
    static final class Child implements AutoCloseable {
        final Process process;
        final String url;

        Child(String... args) throws IOException {
            List<String> command = java("io.github.rfc6455.server.cli.ServerMain", args);
            command.add(1, "-Xmx1g");
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening on ")) {
                process.destroyForcibly();
                throw new IOException("the server did not start: " + line);
            }
            url = line.substring("listening on ".length());
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
