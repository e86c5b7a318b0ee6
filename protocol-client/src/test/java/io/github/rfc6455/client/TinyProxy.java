package io.github.rfc6455.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A tiny HTTP CONNECT proxy on a loopback port (RFC 9110 section 9.3.6): records each request head, optionally
 * demands {@code Proxy-Authorization}, then pumps bytes both ways. Only tunnels to loopback.
 */
final class TinyProxy implements AutoCloseable {
    final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final ServerSocket server;
    private final String requiredAuthorization;

    /** @param requiredAuthorization the {@code Proxy-Authorization} value to demand (407 otherwise), or null */
    TinyProxy(String requiredAuthorization) throws IOException {
        this.requiredAuthorization = requiredAuthorization;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "tiny-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            daemon(() -> tunnel(client));
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            requests.add(head);
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            if (requiredAuthorization != null && !head.contains("\r\nProxy-Authorization: " + requiredAuthorization
                    + "\r\n")) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            String authority = requestLine[1];
            int colon = authority.lastIndexOf(':');
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(authority.substring(colon + 1)))) {
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread back = daemon(() -> pump(upstream, client));
                pump(client, upstream);
                back.join();
            }
        } catch (IOException | InterruptedException e) {
            // the tunnel ends
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the request head");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "tiny-proxy-tunnel");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
