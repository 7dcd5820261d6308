package example.websocket.jakarta;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/** An application's programmatic endpoint (or a container's adapter for an annotated one). */
public class ChatEndpoint extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
    }

    @Override
    public void onError(Session session, Throwable error) {
    }
}
