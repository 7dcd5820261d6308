package io.closewatch.containers.host;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * What every Spring host serves through Spring's DispatcherServlet, whatever its container: a
 * {@code TextWebSocketHandler} mapped at {@value #SPRING_PATH}, the same behind SockJS at {@value #SOCKJS_PATH}, and
 * a STOMP endpoint at {@value #STOMP_PATH}. No container type appears here, so each host loads only its own.
 */
final class SpringWebSockets {
    static final String SPRING_PATH = "/ws/{id}";
    static final String SOCKJS_PATH = "/sockjs";
    static final String STOMP_PATH = "/stomp";

    private SpringWebSockets() {
    }

    /** Spring's DispatcherServlet with every Spring host's WebSocket configuration. */
    static DispatcherServlet dispatcher() {
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(WebSocketConfig.class, StompConfig.class);
        return new DispatcherServlet(spring);
    }

    @Configuration
    @EnableWebSocket
    public static class WebSocketConfig implements WebSocketConfigurer {
        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new ObeyingHandler(), SPRING_PATH);
            registry.addHandler(new ObeyingHandler(), SOCKJS_PATH).withSockJS();
        }
    }

    @Configuration
    @EnableWebSocketMessageBroker
    public static class StompConfig implements WebSocketMessageBrokerConfigurer {
        @Override
        public void registerStompEndpoints(StompEndpointRegistry registry) {
            registry.addEndpoint(STOMP_PATH);
        }

        @Override
        public void configureMessageBroker(MessageBrokerRegistry registry) {
            registry.enableSimpleBroker("/topic");
        }
    }

    /** Obeys "close:&lt;code&gt;" and "throw" like the other test endpoints, through Spring's own API. */
    static final class ObeyingHandler extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            if (message.getPayload().equals("throw")) {
                throw new IllegalStateException("asked to throw");
            }
            if (message.getPayload().startsWith("close:")) {
                session.close(new CloseStatus(Integer.parseInt(message.getPayload().substring("close:".length())),
                        "asked to"));
            }
        }
    }
}
