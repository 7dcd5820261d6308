package io.closewatch.benchmarks;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.recording.AgentErrors;
import io.closewatch.agent.recording.CloseRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.helpers.NOPLogger;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * One whole session as each stack's hooks report it, through the bridge into the agent's recorder: the events of a
 * peer's close (open, the peer's frame, the echo, the end), in the order and form the stack's advice sends them. The
 * jakarta path is the reference; the stacks added since must stay within 10 % of it. The advice bodies themselves
 * (a field read, an {@code instanceof}) are not in it; the session object, its identity-map entry and the meters are.
 * Package {@code io.closewatch.agent}: the recorder is the agent's own, not public.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionEventsBenchmark {
    private static final URI TARGET = URI.create("ws://127.0.0.1:8080/chat/1");
    /** A handler's exception as Tomcat hands it to onError, made once: the benchmark measures the agent's work. */
    private static final Throwable HANDLER_FAILURE =
            new java.lang.reflect.InvocationTargetException(new IllegalStateException("bad message"));

    @Param({"jakarta", "reactor-netty", "netty", "vertx", "okhttp"})
    public String stack;

    @Setup
    public void recorder() {
        CloseMeters meters = new CloseMeters(CloseMeters.newRegistry("chat", "1.4.2"), "bench", 100, 500, 20);
        CloseWatchBridge.install(new CloseRecorder(meters,
                new AgentErrors(CloseMeters.newRegistry("chat", "1.4.2"), NOPLogger.NOP_LOGGER), System::nanoTime));
    }

    @Benchmark
    public Object peerClosesASession() {
        Object session = new Object();
        switch (stack) {
            case Api.JAKARTA: // Endpoint.onOpen; Endpoint.onClose with the container's code
                CloseWatchBridge.opened(session, Api.JAKARTA, null, "/chat/{room}", null);
                CloseWatchBridge.ended(session, Api.JAKARTA, 1000);
                break;
            case Api.REACTOR_NETTY: // the operations made; onInboundNext; sendCloseNow (the echo); terminate
                CloseWatchBridge.opened(session, Api.REACTOR_NETTY, null, "/chat/1", null);
                CloseWatchBridge.closeReceived(session, Api.REACTOR_NETTY, 1000);
                CloseWatchBridge.closeSent(session, Api.REACTOR_NETTY, 1000);
                CloseWatchBridge.endedIfSeen(session, Api.REACTOR_NETTY, true);
                break;
            case Api.NETTY: // handshake; the decoder's frame; the encoder's echo; the channel inactive
                CloseWatchBridge.opened(session, Api.NETTY, null, "/chat/1", null);
                CloseWatchBridge.closeReceived(session, Api.NETTY, 1000);
                CloseWatchBridge.closeSent(session, Api.NETTY, 1000);
                CloseWatchBridge.endedIfSeen(session, Api.NETTY, true);
                break;
            case Api.VERTX: // the client WebSocket made; handleCloseFrame; shutdown (the echo); connection closed
                CloseWatchBridge.opened(session, Api.VERTX, null, null, TARGET);
                CloseWatchBridge.closeReceived(session, Api.VERTX, 1000);
                CloseWatchBridge.closeSent(session, Api.VERTX, 1000);
                CloseWatchBridge.ended(session, Api.VERTX, 1000, true);
                break;
            case Api.OKHTTP: // loopReader; onReadClose (the peer's frame, and the end); close (the echo)
                CloseWatchBridge.opened(session, Api.OKHTTP, null, null, TARGET);
                CloseWatchBridge.closeReceived(session, Api.OKHTTP, 1000);
                CloseWatchBridge.ended(session, Api.OKHTTP, 1000, true);
                CloseWatchBridge.closeSent(session, Api.OKHTTP, 1000);
                break;
            default:
                throw new IllegalArgumentException(stack);
        }
        return session;
    }

    /**
     * A jakarta session whose handler threw: onOpen; onError (the cause); this side's 1011; onClose. The same for
     * every {@code stack} parameter: run it with {@code -p stack=jakarta}.
     */
    @Benchmark
    public Object handlerFailsAJakartaSession() {
        Object session = new Object();
        CloseWatchBridge.opened(session, Api.JAKARTA, null, "/chat/{room}", null);
        CloseWatchBridge.errorReported(session, HANDLER_FAILURE);
        CloseWatchBridge.closeSent(session, Api.JAKARTA, 1011);
        CloseWatchBridge.ended(session, Api.JAKARTA, 1011);
        return session;
    }
}
