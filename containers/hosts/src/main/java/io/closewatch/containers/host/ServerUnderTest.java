package io.closewatch.containers.host;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * One WebSocket container, embedded, serving {@link ServerEndpoints} (or their equivalents in its own API) on
 * 127.0.0.1. Implementations are loaded by name, so that a host JVM needs only the jars of the container it runs.
 */
interface ServerUnderTest extends AutoCloseable {
    /** Starts the container on an ephemeral loopback port and returns that port. */
    int start() throws Exception;

    static ServerUnderTest named(String container) throws ReflectiveOperationException {
        String implementation = switch (container) {
            case "tomcat11", "tomcat10", "tomcat9" -> "TomcatServer";
            case "spring62", "spring70", "spring53" -> "SpringServer";
            case "jetty12" -> "JettyServer";
            case "jetty11" -> "Jetty11Server"; // in the jetty11 runtime's own host jar
            case "jetty10" -> "Jetty10Server"; // in the jetty10 runtime's own host jar
            case "jetty94" -> "Jetty94Server"; // in the jetty94 runtime's own host jar
            case "spring53jetty" -> "Spring53JettyServer"; // in the spring53jetty runtime's own host jar
            case "jettyapi121", "jettyapi120" -> "JettyApiServer";
            case "jettyapi94" -> "JettyApi94Server"; // in the jettyapi94 runtime's own host jar
            case "jettyapi11", "jettyapi10" -> "JettyApi11Server"; // in those runtimes' own host jars
            case "spring62jetty", "spring62jetty120" -> "SpringJettyServer";
            case "spring70jetty" -> "SpringJettyEe11Server";
            case "undertow23" -> "UndertowServer";
            case "spring62undertow", "spring53undertow" -> "SpringUndertowServer";
            case "tyrus22" -> "TyrusServer";
            default -> throw new IllegalArgumentException("unknown container " + container);
        };
        return (ServerUnderTest) Class.forName(ServerUnderTest.class.getPackageName() + "." + implementation)
                .getDeclaredConstructor().newInstance();
    }

    /** The annotated endpoint classes every container deploys. */
    default List<Class<?>> annotatedEndpoints() {
        return ServerEndpoints.annotated();
    }

    /** The container's own WebSocket client. */
    default ContainerClient client() throws Exception {
        return new JakartaClient();
    }

    /** The programmatic endpoint configurations every container deploys. */
    default List<ServerEndpointConfig> programmaticEndpoints() {
        return ServerEndpoints.programmatic();
    }

    /** Deploys the annotated and the programmatic endpoints into a jakarta.websocket server container. */
    default void deployEndpoints(ServerContainer container) throws DeploymentException {
        for (Class<?> annotated : annotatedEndpoints()) {
            container.addEndpoint(annotated);
        }
        for (ServerEndpointConfig config : programmaticEndpoints()) {
            container.addEndpoint(config);
        }
    }
}
