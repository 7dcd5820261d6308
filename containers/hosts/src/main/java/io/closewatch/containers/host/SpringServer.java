package io.closewatch.containers.host;

import jakarta.servlet.http.HttpServlet;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Spring Framework WebSocket on embedded Tomcat 11: a {@code TextWebSocketHandler} mapped at {@value #SPRING_PATH}
 * through Spring's DispatcherServlet, beside the plain endpoints every container serves (Tomcat upgrades those in
 * its filter, before any servlet).
 */
final class SpringServer extends TomcatServer {
    static final String SPRING_PATH = "/ws/{id}";

    /** Spring's DispatcherServlet as the default servlet, so that its mappings see the whole path. */
    @Override
    HttpServlet defaultServlet() {
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(WebSocketConfig.class);
        return new DispatcherServlet(spring);
    }

    @Configuration
    @EnableWebSocket
    public static class WebSocketConfig implements WebSocketConfigurer {
        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new ObeyingHandler(), SPRING_PATH);
        }
    }

    /** Obeys "close:&lt;code&gt;" like the other test endpoints, through Spring's own API. */
    static final class ObeyingHandler extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            if (message.getPayload().startsWith("close:")) {
                session.close(new CloseStatus(Integer.parseInt(message.getPayload().substring("close:".length())),
                        "asked to"));
            }
        }
    }
}
