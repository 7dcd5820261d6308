package org.springframework.web.socket.server.standard;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for Spring's registration in the fast hook tests: a server endpoint configuration that is its own
 * configurator, handing out the endpoint it was built with.
 */
public class ServerEndpointRegistration extends ServerEndpointConfig.Configurator implements ServerEndpointConfig {
    private final String path;
    private final Endpoint endpoint;
    private final Map<String, Object> userProperties = new HashMap<>();

    public ServerEndpointRegistration(String path, Endpoint endpoint) {
        this.path = path;
        this.endpoint = endpoint;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }

    @Override
    public Class<?> getEndpointClass() {
        return endpoint.getClass();
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public List<String> getSubprotocols() {
        return List.of();
    }

    @Override
    public List<Extension> getExtensions() {
        return List.of();
    }

    @Override
    public Configurator getConfigurator() {
        return this;
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return List.of();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return List.of();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }
}
