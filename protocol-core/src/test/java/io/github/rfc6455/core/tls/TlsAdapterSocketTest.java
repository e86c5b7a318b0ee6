package io.github.rfc6455.core.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TlsAdapter} against the JDK's own blocking {@link SSLSocket} and {@link SSLServerSocket}, over loopback
 * (port 0), in both roles.
 */
@Timeout(60)
class TlsAdapterSocketTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int CHUNK = 16 * 1024;
    private static final int TIMEOUT_MS = 20_000;

    private final ExecutorService peer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopPeer() throws InterruptedException {
        peer.shutdownNow();
        assertTrue(peer.awaitTermination(10, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void clientAdapterTalksToAnSslServerSocketEcho(String protocol) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) TestPki.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, LOOPBACK)) {
            listener.setEnabledProtocols(new String[] {protocol});
            CompletableFuture<String> echo = CompletableFuture.supplyAsync(() -> echoOnce(listener), peer);
            try (Socket socket = new Socket(LOOPBACK, listener.getLocalPort())) {
                socket.setSoTimeout(TIMEOUT_MS);
                Wire wire = new Wire(socket, new TlsAdapter(TlsPair.engine(
                        TestPki.clientEngine(TestPki.clientContext(), "localhost", listener.getLocalPort()),
                        protocol)));
                wire.tls.begin();
                wire.flush();
                while (wire.tls.status() == TlsStatus.HANDSHAKING) {
                    assertTrue(wire.readOnce(), "EOF during the handshake");
                }
                assertEquals(TlsStatus.OPEN, wire.tls.status());
                byte[] data = TlsAdapterTest.data(1 << 20, 21);
                for (int at = 0; at < data.length; at += CHUNK) {
                    wire.send(ByteBuffer.wrap(data, at, CHUNK));
                    while (wire.received.size() < at + CHUNK) {
                        assertTrue(wire.readOnce(), "EOF before the echo");
                    }
                }
                assertArrayEquals(data, wire.received.toByteArray());
                assertEquals(0, wire.tls.heldBytes(), "idle between messages");

                wire.tls.close();
                wire.flush();
                while (wire.readOnce()) {
                    continue; // until the server closes
                }
                assertTrue(wire.tls.eof(), "the JDK server sent close_notify before closing");
                assertEquals(protocol + " closed", echo.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void serverAdapterServesAnSslSocketClient(String protocol) throws Exception {
        byte[] data = TlsAdapterTest.data(1 << 20, 22);
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<byte[]> client = CompletableFuture.supplyAsync(
                    () -> sslSocketClient(listener.getLocalPort(), protocol, data), peer);
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(TIMEOUT_MS);
                SSLEngine engine = TlsPair.engine(TestPki.serverEngine(TestPki.serverContext()), protocol);
                Wire wire = new Wire(socket, new TlsAdapter(engine));
                int echoed = 0;
                while (wire.readOnce()) {
                    byte[] all = wire.received.toByteArray();
                    wire.send(ByteBuffer.wrap(all, echoed, all.length - echoed));
                    echoed = all.length;
                    TlsStatus status = wire.tls.status();
                    if (status == TlsStatus.INBOUND_CLOSED || status == TlsStatus.CLOSED) {
                        wire.tls.close(); // answer the client's close_notify
                        wire.flush();
                    }
                }
                assertTrue(wire.tls.eof(), "the JDK client sent close_notify");
                assertEquals(TlsStatus.CLOSED, wire.tls.status());
                assertEquals(protocol, engine.getSession().getProtocol());
            }
            assertArrayEquals(data, client.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
    }

    /** The JDK server: echoes everything until the client's close_notify, then closes (sending its own). */
    private static String echoOnce(SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            return socket.getSession().getProtocol() + " closed";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The JDK client: sends data a chunk at a time, reading each echo back, then closes. */
    private static byte[] sslSocketClient(int port, String protocol, byte[] data) {
        try (Socket raw = new Socket(LOOPBACK, port);
                SSLSocket socket = (SSLSocket) TestPki.clientContext().getSocketFactory()
                        .createSocket(raw, "localhost", port, true)) {
            socket.setSoTimeout(TIMEOUT_MS);
            raw.setTcpNoDelay(true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setServerNames(List.of(new SNIHostName("localhost")));
            parameters.setProtocols(new String[] {protocol});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            byte[] echo = new byte[data.length];
            InputStream in = socket.getInputStream();
            for (int at = 0; at < data.length; at += CHUNK) {
                socket.getOutputStream().write(data, at, CHUNK);
                socket.getOutputStream().flush();
                for (int got = 0; got < CHUNK; ) {
                    int n = in.read(echo, at + got, CHUNK - got);
                    if (n < 0) {
                        throw new IOException("EOF after " + (at + got) + " bytes");
                    }
                    got += n;
                }
            }
            return echo;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our side of a blocking socket: reads into a reused buffer, unwraps, writes the adapter's output. */
    private static final class Wire {
        final TlsAdapter tls;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final InputStream in;
        private final WritableByteChannel out;
        private final byte[] readBuffer = new byte[32 * 1024];

        Wire(Socket socket, TlsAdapter tls) throws IOException {
            this.tls = tls;
            socket.setTcpNoDelay(true);
            this.in = socket.getInputStream();
            this.out = Channels.newChannel(socket.getOutputStream());
        }

        /** Reads once; false on EOF. */
        boolean readOnce() throws IOException {
            int n = in.read(readBuffer);
            if (n < 0) {
                return false;
            }
            ByteBuffer bytes = ByteBuffer.wrap(readBuffer, 0, n);
            tls.unwrap(bytes, TlsPair.sink(received));
            assertEquals(0, bytes.remaining());
            Arrays.fill(readBuffer, 0, n, (byte) 0); // the adapter must have copied what it kept
            flush();
            return true;
        }

        void send(ByteBuffer src) throws IOException {
            do {
                tls.wrap(src);
                flush();
            } while (src.hasRemaining());
        }

        void flush() throws IOException {
            while (tls.hasOutput()) {
                out.write(tls.output());
            }
        }
    }
}
