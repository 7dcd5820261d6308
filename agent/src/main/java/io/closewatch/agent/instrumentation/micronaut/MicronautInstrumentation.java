package io.closewatch.agent.instrumentation.micronaut;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.MethodMatch;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Micronaut 4's WebSocket server on Netty: its sessions are Netty's, counted once by the Netty module (api
 * {@code netty}), which knows only the requested path. Micronaut's upgrade handler does the handshake with the
 * {@code @ServerWebSocket} bean the route matched ({@code handleHandshake}): its template ({@code /chat/{room}}) is
 * given to the agent for the channel, so the Netty module's session opens under it. A WebSocket method's exception
 * Micronaut catches in its own dispatch ({@code AbstractNettyWebSocketHandler}), where this module reads it as the
 * session's cause.
 */
public final class MicronautInstrumentation implements InstrumentationModule {
    private static final String THROWABLE = "java.lang.Throwable";

    @Override
    public String stack() {
        return "micronaut";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"NettyServerWebSocketUpgradeHandler", "AbstractNettyWebSocketHandler"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesMicronaut = ClassLoaderCanSee.canSee("io.micronaut.websocket.annotation.ServerWebSocket");
        MethodMatch failure = named("messageProcessingException").takesArguments(2).takesArgument(1, THROWABLE)
                .or(named("handleUnexpected").takesArguments(2).takesArgument(1, THROWABLE));
        return List.of(new TypeHooks(
                        TypeMatch.named("io.micronaut.http.server.netty.websocket.NettyServerWebSocketUpgradeHandler"),
                        seesMicronaut)
                        .advice(named("handleHandshake").takesArguments(4), advice("HandshakeAdvice")),
                new TypeHooks(TypeMatch.named("io.micronaut.http.netty.websocket.AbstractNettyWebSocketHandler"),
                        seesMicronaut)
                        .adviceIfPresent(failure, advice("HandlerErrorAdvice")).shared());
    }
}
