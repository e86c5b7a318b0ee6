package io.github.rfc6455.core.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtension;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Netty's permessage-deflate (an independent implementation) as the other end of a connection: its extension
 * encoder and decoder run in {@link EmbeddedChannel}s and exchange WebSocket frames with the test.
 *
 * <p>Not thread-safe.
 */
final class NettyPeer implements AutoCloseable {
    private final EmbeddedChannel encoder;
    private final EmbeddedChannel decoder;

    /** @param extension the extension Netty negotiated */
    NettyPeer(WebSocketExtension extension) {
        this.encoder = new EmbeddedChannel(extension.newExtensionEncoder());
        this.decoder = new EmbeddedChannel(extension.newExtensionDecoder());
    }

    /** @return our element as Netty's extension data */
    static WebSocketExtensionData toNetty(ExtensionOffer element) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (ExtensionParameter parameter : element.parameters()) {
            parameters.put(parameter.name(), parameter.value());
        }
        return new WebSocketExtensionData(element.name(), parameters);
    }

    /** @return Netty's extension data as our element */
    static ExtensionOffer fromNetty(WebSocketExtensionData data) {
        List<ExtensionParameter> parameters = new ArrayList<>();
        data.parameters().forEach((name, value) -> parameters.add(new ExtensionParameter(name, value)));
        return new ExtensionOffer(data.name(), parameters);
    }

    /**
     * Netty compresses a message sent as frames of at most {@code fragmentSize} bytes.
     *
     * @return the compressed payloads of its frames, concatenated: the message's payload as it crossed the wire
     */
    byte[] compress(byte[] message, boolean text, int fragmentSize) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int offset = 0;
        boolean first = true;
        do {
            int n = Math.min(fragmentSize, message.length - offset);
            ByteBuf part = Unpooled.copiedBuffer(message, offset, n);
            offset += n;
            boolean fin = offset == message.length;
            WebSocketFrame frame = !first ? new ContinuationWebSocketFrame(fin, 0, part)
                    : text ? new TextWebSocketFrame(fin, 0, part) : new BinaryWebSocketFrame(fin, 0, part);
            encoder.writeOutbound(frame);
            WebSocketFrame out = encoder.readOutbound();
            assertEquals(first ? WebSocketExtension.RSV1 : 0, out.rsv(), "RSV1 on the first frame only");
            ByteBuf content = out.content();
            byte[] bytes = new byte[content.readableBytes()];
            content.readBytes(bytes);
            wire.writeBytes(bytes);
            out.release();
            first = false;
        } while (offset < message.length);
        return wire.toByteArray();
    }

    /**
     * Netty inflates a compressed payload that arrives in frames of at most {@code fragmentSize} bytes.
     *
     * @return the message
     */
    byte[] inflate(byte[] compressed, boolean text, int fragmentSize) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int offset = 0;
        boolean first = true;
        boolean ended = false;
        do {
            int n = Math.min(fragmentSize, compressed.length - offset);
            ByteBuf part = Unpooled.copiedBuffer(compressed, offset, n);
            offset += n;
            boolean fin = offset == compressed.length;
            int rsv = first ? WebSocketExtension.RSV1 : 0;
            WebSocketFrame frame = !first ? new ContinuationWebSocketFrame(fin, rsv, part)
                    : text ? new TextWebSocketFrame(fin, rsv, part) : new BinaryWebSocketFrame(fin, rsv, part);
            decoder.writeInbound(frame);
            for (Object read; (read = decoder.readInbound()) != null; ) {
                WebSocketFrame out = (WebSocketFrame) read;
                ByteBuf content = out.content();
                byte[] bytes = new byte[content.readableBytes()];
                content.readBytes(bytes);
                message.writeBytes(bytes);
                ended |= out.isFinalFragment();
                out.release();
            }
            first = false;
        } while (offset < compressed.length);
        assertTrue(ended, "Netty did not end the message");
        return message.toByteArray();
    }

    @Override
    public void close() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }
}
