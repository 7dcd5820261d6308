package example.spring;

import example.websocket.jakarta.ChatClientContainer;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Map;

/** A jakarta.websocket server container: Spring hands it each upgrade. */
public class ChatServerContainer extends ChatClientContainer implements ServerContainer {
    @Override
    public void addEndpoint(Class<?> endpointClass) {
    }

    @Override
    public void addEndpoint(ServerEndpointConfig serverConfig) {
    }

    @Override
    public void upgradeHttpToWebSocket(Object httpServletRequest, Object httpServletResponse,
                                       ServerEndpointConfig serverConfig, Map<String, String> pathParameters) {
    }
}
