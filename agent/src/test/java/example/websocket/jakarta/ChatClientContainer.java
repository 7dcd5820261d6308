package example.websocket.jakarta;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.net.URI;
import java.util.Set;

/**
 * A client container that, like Tomcat's, opens the session inside {@code connectToServer} and does not tell the
 * session its URI.
 */
public class ChatClientContainer implements WebSocketContainer {
    @Override
    public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path) {
        Session session = new ChatSession(null);
        endpoint.onOpen(session, config);
        return session;
    }

    /**
     * An annotated endpoint: the container calls it through an {@code Endpoint} adapter of its own, and opens the
     * session in this very call, not through the other form.
     */
    @Override
    public Session connectToServer(Object annotatedEndpoint, URI path) {
        Session session = new ChatSession(null);
        new ChatEndpoint().onOpen(session, ClientEndpointConfig.Builder.create().build());
        return session;
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return 0;
    }

    @Override
    public void setAsyncSendTimeout(long timeout) {
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return 0;
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return 0;
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return 0;
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return Set.of();
    }
}
