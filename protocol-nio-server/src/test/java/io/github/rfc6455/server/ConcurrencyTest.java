package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 500 clients (the JDK's WebSocket), at most 100 at a time so that clients keep joining while others leave, each
 * sending 200 messages pipelined: every message must come back exactly once and in order. Afterwards the server holds
 * no session and no channel, and after shutdown no thread.
 */
class ConcurrencyTest {
    private static final int CLIENTS = 500;
    private static final int AT_ONCE = 100;
    private static final int MESSAGES = 200;

    @Test
    @Timeout(150)
    void fiveHundredClientsEachGetTheirTwoHundredMessagesBackOnceAndInOrder() throws Exception {
        AtomicInteger serverCloses = new AtomicInteger();
        CountDownLatch allClosed = new CountDownLatch(CLIENTS);
        AtomicInteger echoed = new AtomicInteger();
        WebSocketServer server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .threads(2)
                .threadName("concurrency-test")
                .route("/echo", new WebSocketHandler() {
                    @Override
                    public void onText(Session session, String text) {
                        echoed.incrementAndGet();
                        session.sendText(text);
                    }

                    @Override
                    public void onClose(Session session, int code, String reason) {
                        if (code == 1000) {
                            serverCloses.incrementAndGet();
                        }
                        allClosed.countDown();
                    }
                })
                .build()
                .start();
        List<Thread> loopThreads = ServerThreads.named("concurrency-test");
        assertEquals(2, loopThreads.size());
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/echo");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            HttpClient http = HttpClient.newBuilder().executor(pool).build();
            Semaphore slots = new Semaphore(AT_ONCE);
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int id = 0; id < CLIENTS; id++) {
                assertTrue(slots.tryAcquire(60, TimeUnit.SECONDS), "clients stopped finishing");
                CompletableFuture<Void> done = new EchoClient(id).run(http, uri);
                done.whenComplete((ok, failure) -> slots.release());
                clients.add(done);
            }
            CompletableFuture.allOf(clients.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);

            assertTrue(allClosed.await(30, TimeUnit.SECONDS), "the server did not see every client close");
            assertEquals(CLIENTS, serverCloses.get());
            assertEquals(CLIENTS * MESSAGES, echoed.get());
            ServerThreads.assertRegistrations(server, 1); // only the listening socket is left
            assertEquals(0, server.sessionCount());
            assertEquals(0, server.connectionCount());
            assertTrue(server.sessions().isEmpty());
        } finally {
            pool.shutdownNow();
            server.shutdown(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        }
        ServerThreads.assertEnded(loopThreads);
        assertFalse(server.isRunning());
    }

    /** One client: sends its messages as fast as the JDK lets it, checks each echo, then closes with 1000. */
    private static final class EchoClient implements WebSocket.Listener {
        private final int id;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private int received;

        EchoClient(int id) {
            this.id = id;
        }

        private String message(int i) {
            return "client " + id + " message " + i;
        }

        CompletableFuture<Void> run(HttpClient http, URI uri) {
            http.newWebSocketBuilder().buildAsync(uri, this).whenComplete((ws, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    send(ws, 0);
                }
            });
            return done;
        }

        private void send(WebSocket ws, int i) {
            if (i == MESSAGES) {
                return;
            }
            ws.sendText(message(i), true).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    send(ws, i + 1);
                }
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String expected = message(received);
                if (!expected.contentEquals(partial)) {
                    done.completeExceptionally(new AssertionError("expected '" + expected + "', got '" + partial
                            + "'"));
                }
                partial.setLength(0);
                if (++received == MESSAGES) {
                    ws.sendClose(1000, "done");
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (received == MESSAGES && statusCode == 1000) {
                done.complete(null);
            } else {
                done.completeExceptionally(new AssertionError("client " + id + " closed with " + statusCode
                        + " after " + received + " messages"));
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
