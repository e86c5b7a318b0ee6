package io.github.rfc6455.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void parsesTheDocumentedCommandLine() {
        LoadOptions o = LoadOptions.parse(("--url ws://127.0.0.1:9001/echo?x=1 --conns 64 --size 1024 --binary "
                + "--depth 4 --duration 20 --warmup 0.5 --threads 2").split(" "));
        assertEquals("127.0.0.1", o.host());
        assertEquals(9001, o.port());
        assertEquals("/echo?x=1", o.path());
        assertEquals(64, o.conns());
        assertEquals(1024, o.size());
        assertTrue(o.binary());
        assertEquals(4, o.depth());
        assertEquals(20.0, o.durationSeconds());
        assertEquals(0.5, o.warmupSeconds());
        assertEquals(2, o.threads());
    }

    @Test
    void defaultsToTextOneThreadAndRootPath() {
        LoadOptions o = LoadOptions.parse("--url ws://localhost --conns 3 --size 10 --depth 1 --duration 1".split(" "));
        assertEquals("/", o.path());
        assertEquals(80, o.port());
        assertEquals(false, o.binary());
        assertEquals(1, o.threads());
    }

    @Test
    void neverMoreThreadsThanConnections() {
        LoadOptions o = LoadOptions.parse("--url ws://h:1/ --conns 2 --threads 8".split(" "));
        assertEquals(2, o.threads());
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[0]));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--url wss://h:1/".split(" ")));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--url ws://h:1/ --conns 0".split(" ")));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--url ws://h:1/ --size -1".split(" ")));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--url ws://h:1/ --depth x".split(" ")));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--url ws://h:1/ --duration".split(" ")));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--url ws://h:1/ --fast".split(" ")));
        assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse("--url ws://h:1/ --warmup NaN".split(" ")));
    }

    @Test
    void resultLineHasTheContractFormat() {
        LoadResult r = new LoadResult(64, 1024, 2000, 2.0, 12.34, 56.78, 0);
        assertEquals("RESULT conns=64 size=1024 msgs=2000 msgs_per_s=1000 MiB_per_s=0.98 p50_us=12.3 p99_us=56.8 "
                + "errors=0", r.line());
    }
}
