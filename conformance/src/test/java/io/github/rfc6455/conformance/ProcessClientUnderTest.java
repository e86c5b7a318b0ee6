package io.github.rfc6455.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client driver run as a child JVM through its command line (the CONTRACT.md interface):
 * {@code MAIN autobahn URL --agent NAME --cases FROM-TO}, which must exit 0.
 *
 * <p>Thread-safe: every run starts its own process.
 */
final class ProcessClientUnderTest implements ClientUnderTest {

    private final String name;
    private final String mainClass;
    private final Path logDir;

    ProcessClientUnderTest(String name, String mainClass, Path logDir) {
        this.name = name;
        this.mainClass = mainClass;
        this.logDir = logDir;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(URI url, String agent, int from, int to, Duration timeout) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessOutput.javaExecutable(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), mainClass, "autobahn", url.toString(), "--agent", agent,
                "--cases", from + "-" + to));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        new ProcessOutput(process, logDir.resolve("driver-" + from + "-" + to + ".log"));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new TimeoutException("driver for cases " + from + "-" + to + " still running after " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("driver for cases " + from + "-" + to + " exited with "
                    + process.exitValue());
        }
    }
}
