package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.client.cli.AutobahnDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fuzzingserver case in which the client must fail the connection: reported, and the run goes on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AutobahnDriverFailureTest {
    @Test
    void aCaseThatFailsTheConnectionIsReportedAndTheRunGoesOn() throws Exception {
        try (FakeServer fuzzingserver = new FakeServer(c -> {
            c.handshake();
            c.frame(0x81, "1".getBytes());
            c.close(1000, "");
            c.readUntilClose();
            return c.request.substring(0, c.request.indexOf(" HTTP/1.1"));
        }, c -> {
            c.handshake();
            c.write(0x81, 0x02, 0xC3, 0x28); // invalid UTF-8 (Autobahn case 6.x): the client must fail with 1007
            return c.request.substring(0, c.request.indexOf(" HTTP/1.1")) + " " + c.readUntilClose().closeCode();
        }, c -> {
            c.handshake();
            c.close(1000, "");
            c.readUntilClose();
            return c.request.substring(0, c.request.indexOf(" HTTP/1.1"));
        })) {
            List<String> progress = new ArrayList<>();
            List<AutobahnDriver.CaseOutcome> outcomes = AutobahnDriver.run("ws://127.0.0.1:" + fuzzingserver.port(),
                    "x", 1, 0, progress::add);
            assertEquals("GET /getCaseCount", fuzzingserver.result());
            assertEquals("GET /runCase?case=1&agent=x 1007", fuzzingserver.result());
            assertEquals("GET /updateReports?agent=x", fuzzingserver.result());
            assertEquals(1, outcomes.size());
            assertEquals(WebSocket.Status.ERROR, outcomes.get(0).status());
            assertTrue(progress.get(0).startsWith("case 1/1 error, close code 1006: connection failed with close code "
                    + "1007"), progress.toString());
        }
    }
}
