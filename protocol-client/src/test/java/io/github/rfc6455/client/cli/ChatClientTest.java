package io.github.rfc6455.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.server.WebSocketServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code chat URL [--subprotocol P]... [--reconnect]}, end to end: rows exactly as the contract says. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChatClientTest {

    private static String url(WebSocketServer server) {
        return "ws://127.0.0.1:" + server.port() + "/";
    }

    private static CompletableFuture<Integer> run(Lines out, Lines err, InputStream in, String... args) {
        return CompletableFuture.supplyAsync(() -> ClientMain.run(args, in, out.stream, err.stream));
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void greetingEchoAndCloseAtEndOfInput() throws Exception {
        WebSocketServer server = ChatServers.start(false, false);
        try {
            Lines out = new Lines();
            Lines err = new Lines();
            int status = run(out, err, input("hello\nwörld 😀\n"), "chat", url(server), "--subprotocol", "chat")
                    .get(30, TimeUnit.SECONDS);
            assertEquals(0, status, "exit status; output " + out.all() + " errors " + err.all());
            List<String> rows = out.all();
            assertEquals("# socket open", rows.get(0), rows.toString());
            assertEquals("# socket closed", rows.get(rows.size() - 1), rows.toString());
            assertTrue(rows.contains("< " + ChatServers.WELCOME), rows.toString());
            assertTrue(rows.indexOf("> hello") >= 0 && rows.indexOf("> hello") < rows.indexOf("< hello"), rows.toString());
            assertTrue(rows.indexOf("> wörld 😀") < rows.indexOf("< wörld 😀"), rows.toString());
            assertEquals(7, rows.size(), rows.toString());
            assertTrue(err.all().isEmpty(), err.all().toString());
        } finally {
            server.close();
        }
    }

    @Test
    void binaryMessagesShowTheirSize() throws Exception {
        WebSocketServer server = ChatServers.start(false, true);
        try {
            Lines out = new Lines();
            PipedOutputStream keyboard = new PipedOutputStream();
            CompletableFuture<Integer> status = run(out, new Lines(), new PipedInputStream(keyboard), "chat",
                    url(server));
            out.await("< [binary 5 bytes]");
            keyboard.close();
            assertEquals(0, status.get(30, TimeUnit.SECONDS));
            assertEquals("# socket closed", out.all().get(out.all().size() - 1));
        } finally {
            server.close();
        }
    }

    @Test
    void aConnectionErrorIsARowAndExitStatusOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Lines out = new Lines();
        PipedOutputStream keyboard = new PipedOutputStream();
        int status = run(out, new Lines(), new PipedInputStream(keyboard), "chat", "127.0.0.1:" + port)
                .get(30, TimeUnit.SECONDS);
        assertEquals(1, status);
        assertEquals(1, out.all().size(), out.all().toString());
        assertTrue(out.all().get(0).startsWith("# socket error cannot connect to 127.0.0.1:" + port + ": "), out.all().toString());
        keyboard.close();
    }

    @Test
    void reconnectsAfterALostConnectionAndSaysSo() throws Exception {
        WebSocketServer server = ChatServers.start(true, false);
        try {
            Lines out = new Lines();
            PipedOutputStream keyboard = new PipedOutputStream();
            CompletableFuture<Integer> status = run(out, new Lines(), new PipedInputStream(keyboard), "chat",
                    url(server), "--reconnect");
            out.await("# socket open");
            out.await("< dropping you");
            assertTrue(out.await("# socket error ").startsWith("# socket error connection lost"), out.all().toString());
            assertTrue(out.next().matches("# socket reconnecting in \\d+\\.\\d s \\(attempt 1 of 10\\)"),
                    out.all().toString());
            out.await("# socket open");
            keyboard.write("back again\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            out.await("< back again");
            keyboard.close();
            assertEquals(0, status.get(30, TimeUnit.SECONDS));
            assertEquals("# socket closed", out.all().get(out.all().size() - 1));
        } finally {
            server.close();
        }
    }

    @Test
    void usageErrors() {
        Lines out = new Lines();
        Lines err = new Lines();
        assertEquals(2, ClientMain.run(new String[0], input(""), out.stream, err.stream));
        assertEquals(2, ClientMain.run(new String[] {"chat"}, input(""), out.stream, err.stream));
        assertEquals(2, ClientMain.run(new String[] {"chat", "ws://h/", "--bogus"}, input(""), out.stream, err.stream));
        assertEquals(2, ClientMain.run(new String[] {"chat", "ftp://h/"}, input(""), out.stream, err.stream));
        assertEquals(2, ClientMain.run(new String[] {"talk", "ws://h/"}, input(""), out.stream, err.stream));
        assertEquals(2, ClientMain.run(new String[] {"autobahn"}, input(""), out.stream, err.stream));
        assertEquals(2, ClientMain.run(new String[] {"autobahn", "ws://h/", "--cases", "x"}, input(""), out.stream,
                err.stream));
        assertTrue(err.all().stream().anyMatch(l -> l.startsWith("usage: ")), err.all().toString());
        assertEquals(0, ClientMain.run(new String[] {"--help"}, input(""), out.stream, err.stream));
        assertTrue(out.all().get(0).startsWith("usage: "));
    }

    /** The jar's main class in its own process against our server's {@code chat} in another. */
    @Test
    void chatProcessAgainstOurChatServerProcess() throws Exception {
        try (ChatServers.Child server = new ChatServers.Child("chat", "--host", "127.0.0.1", "--port", "0")) {
            Process client = new ProcessBuilder(ChatServers.java(ClientMain.class.getName(), "chat", server.url))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream stdin = client.getOutputStream()) {
                stdin.write("hi from a process\n".getBytes(StandardCharsets.UTF_8));
            }
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(client.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS), "the client exits");
            assertEquals(0, client.exitValue());
            List<String> rows = stdout.get(10, TimeUnit.SECONDS).lines().toList();
            assertEquals("# socket open", rows.get(0), rows.toString());
            assertTrue(rows.contains("< " + ChatServers.WELCOME), rows.toString());
            assertTrue(rows.contains("> hi from a process"), rows.toString());
            assertTrue(rows.contains("< hi from a process"), rows.toString());
            assertEquals("# socket closed", rows.get(rows.size() - 1), rows.toString());
        }
    }
}
