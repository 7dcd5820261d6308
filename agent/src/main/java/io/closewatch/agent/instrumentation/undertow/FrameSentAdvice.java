package io.closewatch.agent.instrumentation.undertow;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

import java.nio.ByteBuffer;
import java.nio.channels.Channel;

/**
 * {@code WebSockets.sendInternal} / {@code sendBlockingInternal(payload, frameType, channel, ...)}: a frame goes out.
 * A {@code CLOSE} frame means this side closes; but not when the connection is already gone (after the peer's FIN
 * or reset, Undertow's close listener "sends" a close that never reaches the wire), nor with 1006, which never does.
 */
public final class FrameSentAdvice {
    private FrameSentAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void sending(@Advice.Argument(0) Object payload, @Advice.Argument(1) Object frameType,
                        @Advice.Argument(2) Object connection) {
        if (frameType == null || !"CLOSE".equals(frameType.toString())
                || (connection instanceof Channel && !((Channel) connection).isOpen())) {
            return;
        }
        int code = -1;
        if (payload instanceof ByteBuffer && ((ByteBuffer) payload).remaining() >= 2) {
            ByteBuffer buffer = (ByteBuffer) payload;
            code = buffer.getShort(buffer.position()) & 0xFFFF;
        }
        if (code != 1006) {
            CloseWatchBridge.closeSentOn(connection, code);
        }
    }
}
