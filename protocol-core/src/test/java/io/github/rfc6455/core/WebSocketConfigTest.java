package io.github.rfc6455.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.handshake.HeadLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits have defaults and knobs, and impossible values are refused (RFC 6455 section 10.4). */
class WebSocketConfigTest {
    @Test
    void defaults() {
        WebSocketConfig c = WebSocketConfig.DEFAULT;
        assertEquals(16L * 1024 * 1024, c.maxFramePayload());
        assertEquals(16L * 1024 * 1024, c.maxMessageSize());
        assertEquals(1 << 20, c.maxFragmentsPerMessage());
        assertEquals(Integer.MAX_VALUE, c.outgoingFrameSize());
        assertFalse(c.deliverFragments());
        assertEquals(HeadLimits.DEFAULT, c.headLimits());
        assertTrue(c.extensions().isEmpty());
    }

    @Test
    void impossibleValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().maxFramePayload(124).build(),
                "a frame limit below the 125-byte control payload");
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().maxMessageSize(-1).build());
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().maxFragmentsPerMessage(0).build());
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().outgoingFrameSize(0).build());
        assertThrows(NullPointerException.class, () -> WebSocketConfig.builder().headLimits(null).build());
        assertThrows(NullPointerException.class, () -> WebSocketConfig.builder().extensions(null).build());
    }

    @Test
    void maxSizeSetsTheMessageAndTheFrameLimit() {
        WebSocketConfig c = WebSocketConfig.builder().maxSize(4096).build();
        assertEquals(4096, c.maxMessageSize());
        assertEquals(4096, c.maxFramePayload());
        WebSocketConfig tiny = WebSocketConfig.builder().maxSize(10).build();
        assertEquals(10, tiny.maxMessageSize());
        assertEquals(125, tiny.maxFramePayload(), "control frames must still fit");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        WebSocketConfig c = WebSocketConfig.builder().maxFramePayload(1000).maxMessageSize(2000)
                .maxFragmentsPerMessage(7).outgoingFrameSize(300).deliverFragments(true).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(301, c.toBuilder().outgoingFrameSize(301).build().outgoingFrameSize());
    }

    @Test
    void extensionListIsCopied() {
        List<ExtensionNegotiator> list = new ArrayList<>();
        WebSocketConfig c = WebSocketConfig.builder().extensions(list).build();
        assertThrows(UnsupportedOperationException.class, () -> c.extensions().add(null));
    }
}
