package io.closewatch.agent.instrumentation.javalin;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Javalin 7 serves WebSockets on Jetty's own API, whose hooks count its sessions; but it upgrades every path through
 * one servlet and routes the session itself, so Jetty knows no template to label it with. Javalin's
 * {@code WsConnection} (the Jetty listener of each session) holds the route it matched ({@code /chat/{room}}); its
 * {@code onWebSocketOpen} runs inside Jetty's open, so this module reports the session with that route first, and
 * the Jetty hook's own report of the same session, which comes second, is ignored. A handler's exception Javalin
 * catches itself ({@code WsExceptionMapper}), where this module reads it as the session's cause.
 */
public final class JavalinInstrumentation implements InstrumentationModule {
    @Override
    public String stack() {
        return "javalin";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WsConnection", "WsExceptionMapper"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesJavalin = ClassLoaderCanSee.canSee("io.javalin.websocket.WsHandlerEntry");
        return List.of(new TypeHooks(TypeMatch.named("io.javalin.websocket.WsConnection"), seesJavalin)
                        .advice(named("onWebSocketOpen").takesArguments(1), advice("OpenAdvice")),
                new TypeHooks(TypeMatch.named("io.javalin.websocket.WsExceptionMapper"), seesJavalin)
                        .adviceIfPresent(named("handle").takesArguments(2), advice("ErrorAdvice")).shared());
    }
}
