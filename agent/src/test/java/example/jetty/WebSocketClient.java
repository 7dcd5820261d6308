package example.jetty;

/** A client container, as the hook tells one: by its class name, as Jetty's {@code WebSocketClient}'s. */
public class WebSocketClient {
}
