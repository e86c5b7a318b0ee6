package io.github.rfc6455.bench;

import java.util.concurrent.CountDownLatch;

/**
 * Runs another implementation's WebSocket echo server for end-to-end comparisons:
 * {@code java -cp benchmarks.jar io.github.rfc6455.bench.PeerServer netty|javawebsocket PORT [HOST]}. It listens on
 * HOST (default {@code 127.0.0.1}), prints {@code listening on ws://HOST:PORT/} once ready (the real port when PORT is
 * 0) and runs until SIGTERM (or SIGINT), then closes its connections and exits.
 *
 * <p>Not instantiable.
 */
public final class PeerServer {
    private PeerServer() {
    }

    /**
     * @param args {@code netty|javawebsocket PORT [HOST]}
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PeerServer netty|javawebsocket PORT [HOST]");
            System.exit(2);
        }
        int port;
        try {
            port = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            System.err.println("PORT must be a number: " + args[1]);
            System.exit(2);
            return;
        }
        String host = args.length == 3 ? args[2] : "127.0.0.1";
        EchoServer server = start(args[0], host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "peer-server-shutdown"));
        System.out.println("listening on ws://" + server.host() + ":" + server.port() + "/");
        System.out.flush();
        stopped.await();
    }

    /**
     * @param kind {@code netty} or {@code javawebsocket}
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @return the running echo server
     * @throws Exception if it cannot start
     */
    static EchoServer start(String kind, String host, int port) throws Exception {
        switch (kind) {
            case "netty":
                return NettyEchoServer.start(host, port);
            case "javawebsocket":
                return JavaWebSocketEchoServer.start(host, port);
            default:
                throw new IllegalArgumentException("unknown server: " + kind + " (netty or javawebsocket)");
        }
    }
}
