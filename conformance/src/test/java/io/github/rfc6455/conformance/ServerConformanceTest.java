package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole kit against our own echo server ({@code protocol-nio-server}, {@code echo} subcommand), in every
 * {@code mvn verify}: the build fails on any FAILED case and on any regression from the committed
 * {@code baseline-server.json}. Report: {@code target/conformance/server/}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ServerConformanceTest {

    @Test
    void ourServerPassesTheConformanceKit() throws Exception {
        assumeTrue(RfcImplementations.available(RfcImplementations.SERVER_MAIN),
                RfcImplementations.SERVER_MAIN + " is not on the class path yet (see RfcImplementations)");
        KitOptions options = KitOptions.fromSystemProperties();
        ConformanceReport report = ServerSideRunner.run(
                RfcImplementations.server(options.outputDir().resolve("server")), options);
        OurConformance.check(report, options);
    }
}
