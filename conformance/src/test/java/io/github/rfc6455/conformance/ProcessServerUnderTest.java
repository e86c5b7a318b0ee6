package io.github.rfc6455.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server run as a child JVM through its command line (the CONTRACT.md interface): {@code MAIN echo --host
 * 127.0.0.1 --port 0}, ready when it prints {@code listening on ws://HOST:PORT/}, stopped with SIGTERM.
 *
 * <p>Start and stop from one thread.
 */
final class ProcessServerUnderTest implements ServerUnderTest {

    private static final Pattern LISTENING = Pattern.compile("listening on ws://([^/]+):(\\d+)/");

    private final String name;
    private final String mainClass;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    ProcessServerUnderTest(String name, String mainClass, List<String> arguments, Path log) {
        this.name = name;
        this.mainClass = mainClass;
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI start() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessOutput.javaExecutable(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ProcessOutput output = new ProcessOutput(process, log);
        String line = output.await(l -> LISTENING.matcher(l).find()).get(30, TimeUnit.SECONDS);
        Matcher m = LISTENING.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("unexpected line " + line);
        }
        return URI.create("ws://127.0.0.1:" + m.group(2) + "/");
    }

    @Override
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
