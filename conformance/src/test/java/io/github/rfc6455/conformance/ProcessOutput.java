package io.github.rfc6455.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Copies a child process's output (standard output and error merged) into a log file, and can wait for the first line
 * that matches.
 *
 * <p>Thread-safe.
 */
final class ProcessOutput {

    private final ConcurrentLinkedQueue<Watch> watches = new ConcurrentLinkedQueue<>();

    private record Watch(Predicate<String> test, CompletableFuture<String> line) {
    }

    ProcessOutput(Process process, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); writer) {
                String line;
                while ((line = r.readLine()) != null) {
                    writer.println(line);
                    for (Watch w : List.copyOf(watches)) {
                        if (w.test().test(line)) {
                            w.line().complete(line);
                            watches.remove(w);
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            watches.forEach(w -> w.line().completeExceptionally(new IOException("process output ended")));
        }, "process-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Completes with the first later line passing {@code test}. */
    CompletableFuture<String> await(Predicate<String> test) {
        CompletableFuture<String> f = new CompletableFuture<>();
        watches.add(new Watch(test, f));
        return f;
    }

    /** The java executable running this JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
