package io.closewatch.agent.instrumentation.spring;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.MethodMatch;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;
import static io.closewatch.agent.instrumentation.TypeMatch.declaresMethod;
import static io.closewatch.agent.instrumentation.TypeMatch.hasSuperType;

/**
 * Spring Framework WebSocket on a jakarta.websocket container, and Spring 5.3 on a javax.websocket one. Spring
 * upgrades each handshake with a fresh {@code ServerEndpointConfig} whose path is the concrete request path
 * ({@code /ws/42}); counted as it is, every path would be a new series. This module reads the template the handler
 * mapping matched ({@code /ws/{id}}) from the request where Spring hands the upgrade over: to the container
 * ({@code ServerContainer.upgradeHttpToWebSocket}, Spring 6.2 on Tomcat and 7.0; {@code doUpgrade} of Tomcat 9's and
 * Undertow's javax containers, Spring 5.3), or to its own container-specific strategy (Spring 6.2 on Undertow), and
 * gives it to the agent for the endpoint Spring registered; the session itself is counted by the
 * {@code jakarta.websocket} (or {@code javax.websocket}) hooks on Spring's {@code Endpoint} adapter, so once. (Spring
 * on Jetty upgrades through Jetty's own API, whose module reads the same pattern.) A handler's exception never reaches
 * the container's error callback: Spring closes the session itself, where this module reads it as the session's cause.
 */
public final class SpringWebSocketInstrumentation implements InstrumentationModule {
    private static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";
    private static final String JAVAX_SERVER_CONTAINER = "javax.websocket.server.ServerContainer";
    private static final String EXCEPTION_DECORATOR =
            "org.springframework.web.socket.handler.ExceptionWebSocketHandlerDecorator";
    private static final String UPGRADE_STRATEGY =
            "org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy";

    @Override
    public String stack() {
        return "spring-websocket";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"upgradeHttpToWebSocket", "doUpgrade", "tryCloseWithError"};
    }

    /**
     * The containers' method is hooked for Spring's sake only, and Spring's strategy is loaded wherever Spring is: a
     * hooked type shows no Spring at work (its registration does, see KnownStacks).
     */
    @Override
    public List<TypeHooks> hooks() {
        MethodMatch upgrade = named("upgradeHttpToWebSocket").takesArguments(4).notAbstract();
        return List.of(
                new TypeHooks(declaresMethod("upgradeHttpToWebSocket").notInterface()
                        .and(hasSuperType(SERVER_CONTAINER)),
                        ClassLoaderCanSee.canSee("jakarta.servlet.http.HttpServletRequest"))
                        .advice(upgrade, advice("UpgradeAdvice")).shared(),
                new TypeHooks(declaresMethod("upgradeHttpToWebSocket").and(hasSuperType(UPGRADE_STRATEGY)),
                        ClassLoaderCanSee.canSee(UPGRADE_STRATEGY)).advice(upgrade, advice("UpgradeAdvice")).shared(),
                // Spring 5.3 on a javax.websocket container (Tomcat 9, Undertow 2.2): the container's doUpgrade.
                new TypeHooks(declaresMethod("doUpgrade").notInterface().and(hasSuperType(JAVAX_SERVER_CONTAINER)),
                        ClassLoaderCanSee.canSee("javax.servlet.http.HttpServletRequest"))
                        .advice(named("doUpgrade").takesArguments(4).notAbstract(), advice("UpgradeAdvice"))
                        .inWebSocketNamespace("javax").shared(),
                // Any Spring: a handler's exception, which Spring turns into a 1011 close by itself.
                new TypeHooks(TypeMatch.named(EXCEPTION_DECORATOR), ClassLoaderCanSee.canSee(EXCEPTION_DECORATOR))
                        .advice(named("tryCloseWithError").takesArguments(3), advice("HandlerErrorAdvice")).shared());
    }
}
