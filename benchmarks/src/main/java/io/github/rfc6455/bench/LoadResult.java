package io.github.rfc6455.bench;

import java.util.Locale;

/**
 * What a load run measured.
 *
 * @param conns connections requested
 * @param size message length in bytes
 * @param messages echoed messages verified during the measurement
 * @param seconds length of the measurement
 * @param p50Micros median round-trip latency in microseconds
 * @param p99Micros 99th-percentile round-trip latency in microseconds
 * @param errors failed connections, protocol errors, unexpected closes and wrong echoes, over the whole run
 */
record LoadResult(int conns, int size, long messages, double seconds, double p50Micros, double p99Micros,
                  int errors) {

    /** @return echoed messages per second */
    double messagesPerSecond() {
        return seconds > 0 ? messages / seconds : 0;
    }

    /** @return echoed payload (one direction) in MiB per second */
    double mebibytesPerSecond() {
        return messagesPerSecond() * size / (1024.0 * 1024.0);
    }

    /** @return the one final line the load tool prints */
    String line() {
        return String.format(Locale.ROOT,
                "RESULT conns=%d size=%d msgs=%d msgs_per_s=%.0f MiB_per_s=%.2f p50_us=%.1f p99_us=%.1f errors=%d",
                conns, size, messages, messagesPerSecond(), mebibytesPerSecond(), p50Micros, p99Micros, errors);
    }
}
