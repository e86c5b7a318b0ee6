package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole kit against our own client ({@code protocol-client}, {@code autobahn} subcommand) in every
 * {@code mvn verify}: the build fails on any FAILED case and on any regression from the committed
 * {@code baseline-client.json}. Report: {@code target/conformance/client/}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ClientConformanceTest {

    @Test
    void ourClientPassesTheConformanceKit() throws Exception {
        assumeTrue(RfcImplementations.available(RfcImplementations.CLIENT_MAIN),
                RfcImplementations.CLIENT_MAIN + " is not on the class path yet (see RfcImplementations)");
        KitOptions options = KitOptions.fromSystemProperties();
        ConformanceReport report = ClientSideRunner.run(
                RfcImplementations.client(options.outputDir().resolve("client")), options);
        OurConformance.check(report, options);
    }
}
