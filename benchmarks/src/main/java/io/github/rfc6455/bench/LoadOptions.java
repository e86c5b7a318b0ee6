package io.github.rfc6455.bench;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The load tool's command line.
 *
 * @param host the server host from the URL
 * @param port the server port from the URL (80 when absent)
 * @param path the request target from the URL (path and query, at least {@code /})
 * @param conns how many connections
 * @param size message length in bytes
 * @param binary true for binary messages, false for text
 * @param depth messages each connection keeps in flight
 * @param durationSeconds how long to measure
 * @param warmupSeconds how long to run before measuring
 * @param threads how many selector threads share the connections
 */
record LoadOptions(String host, int port, String path, int conns, int size, boolean binary, int depth,
                   double durationSeconds, double warmupSeconds, int threads) {

    static final String USAGE = "usage: LoadTool --url ws://HOST:PORT/PATH --conns N --size BYTES [--binary] "
            + "--depth D --duration SECONDS [--warmup SECONDS] [--threads T]";

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException with a message for the user when the command line is wrong
     */
    static LoadOptions parse(String[] args) {
        String url = null;
        int conns = 1;
        int size = 1024;
        boolean binary = false;
        int depth = 1;
        double duration = 10;
        double warmup = 2;
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--binary" -> binary = true;
                case "--url" -> url = value(args, ++i, arg);
                case "--conns" -> conns = positiveInt(value(args, ++i, arg), arg);
                case "--size" -> size = nonNegativeInt(value(args, ++i, arg), arg);
                case "--depth" -> depth = positiveInt(value(args, ++i, arg), arg);
                case "--duration" -> duration = nonNegativeDouble(value(args, ++i, arg), arg);
                case "--warmup" -> warmup = nonNegativeDouble(value(args, ++i, arg), arg);
                case "--threads" -> threads = positiveInt(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad --url: " + e.getMessage());
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must look like ws://HOST:PORT/PATH (no wss): " + url);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return new LoadOptions(uri.getHost(), port, path, conns, size, binary, depth, duration, warmup,
                Math.min(threads, conns));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positiveInt(String s, String option) {
        int v = nonNegativeInt(s, option);
        if (v == 0) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return v;
    }

    private static int nonNegativeInt(String s, String option) {
        try {
            int v = Integer.parseInt(s);
            if (v < 0) {
                throw new IllegalArgumentException(option + " must not be negative: " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + s);
        }
    }

    private static double nonNegativeDouble(String s, String option) {
        try {
            double v = Double.parseDouble(s);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(option + " must be a non-negative number: " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + s);
        }
    }
}
