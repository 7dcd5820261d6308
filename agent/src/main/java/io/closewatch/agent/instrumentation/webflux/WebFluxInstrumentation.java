package io.closewatch.agent.instrumentation.webflux;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Spring WebFlux's WebSocket upgrade on Reactor Netty: the session itself is Reactor Netty's (counted by its own
 * module, {@code api="reactor-netty"}); WebFlux only tells it the pattern its handler mapping matched the request by,
 * which becomes the session's endpoint label.
 */
public final class WebFluxInstrumentation implements InstrumentationModule {
    private static final String UPGRADE_STRATEGY =
            "org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy";

    @Override
    public String stack() {
        return "spring-webflux";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"ReactorNettyRequestUpgradeStrategy"};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(new TypeHooks(TypeMatch.named(UPGRADE_STRATEGY), ClassLoaderCanSee.canSee(UPGRADE_STRATEGY))
                .advice(named("upgrade").takesArguments(4), advice("UpgradeAdvice")));
    }
}
