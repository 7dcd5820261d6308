package example.websocket.javax;

import javax.websocket.CloseReason;
import javax.websocket.Endpoint;
import javax.websocket.EndpointConfig;
import javax.websocket.Session;

/** A Java EE 8 application's programmatic endpoint. */
public class LegacyEndpoint extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
    }
}
