package io.undertow.websockets.core;

import java.nio.ByteBuffer;

/**
 * Stands in for Undertow's core sending in the fast hook tests: the two private methods every send goes through,
 * with Undertow 2.3's signatures, and public ways in.
 */
public final class WebSockets {
    private WebSockets() {
    }

    public static void sendClose(int code, WebSocketChannel channel) {
        sendInternal(ByteBuffer.allocate(2).putShort(0, (short) code), WebSocketFrameType.CLOSE, channel, null, null,
                -1);
    }

    public static void sendCloseBlocking(int code, WebSocketChannel channel) {
        sendBlockingInternal(ByteBuffer.allocate(2).putShort(0, (short) code), WebSocketFrameType.CLOSE, channel);
    }

    public static void sendText(WebSocketChannel channel) {
        sendInternal(ByteBuffer.allocate(2), WebSocketFrameType.TEXT, channel, null, null, -1);
    }

    private static void sendInternal(ByteBuffer data, WebSocketFrameType type, WebSocketChannel channel,
                                     Object callback, Object context, long timeoutMillis) {
    }

    private static void sendBlockingInternal(ByteBuffer data, WebSocketFrameType type, WebSocketChannel channel) {
    }
}
