package io.closewatch.containers.app;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;

import java.io.IOException;

/**
 * A {@code @ServerEndpoint} beside the Spring handler, deployed by Spring's {@code ServerEndpointExporter} as Boot
 * applications on a servlet container do (jakarta.websocket: the Boot 3 applications only). Its message handler fails
 * on "throw"; its {@code @OnError} then closes with 1011, as careful endpoints do.
 */
@Configuration
public class StandardEndpoints {
    @Bean
    public ServerEndpointExporter serverEndpointExporter() {
        ServerEndpointExporter exporter = new ServerEndpointExporter();
        exporter.setAnnotatedEndpointClasses(FailingEndpoint.class);
        return exporter;
    }

    @ServerEndpoint("/std/{id}")
    public static class FailingEndpoint {
        @OnMessage
        public void message(Session session, String message) throws IOException {
            if (message.equals("throw")) {
                throw new IllegalStateException("the client asked this endpoint to fail");
            }
            if (message.startsWith("close:")) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(
                        Integer.parseInt(message.substring(6))), "asked to"));
            }
        }

        @OnError
        public void failed(Session session, Throwable error) throws IOException {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "failed"));
            }
        }
    }
}
