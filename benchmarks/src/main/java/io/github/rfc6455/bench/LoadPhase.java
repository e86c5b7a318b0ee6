package io.github.rfc6455.bench;

/** The phases of a load run, in order. */
enum LoadPhase {
    /** Connections are being opened; the ones open already send. */
    CONNECT,
    /** Every connection is open (or failed); traffic runs but is not counted. */
    WARMUP,
    /** Traffic is counted. */
    MEASURE,
    /** No new messages; connections close with 1000. */
    DRAIN
}
