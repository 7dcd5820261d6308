package io.closewatch.containers.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A Spring Boot WebSocket application as its users write it: a {@code TextWebSocketHandler} at {@code /ws/{id}} that
 * closes with the code a "close:&lt;code&gt;" message asks for, and fails on "throw" (Spring then closes with 1011).
 * Says "READY port=..." once it runs, and stops when its standard input says "exit" or ends, as the suite's hosts do.
 * One source for every Boot version the suite builds.
 */
@SpringBootApplication
public class ChatApplication implements CommandLineRunner {
    private final Environment environment;

    public ChatApplication(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(ChatApplication.class, args);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            System.out.println("ignored " + line);
        }
        System.exit(SpringApplication.exit(context));
    }

    /** Runs once the server listens; Boot puts its port into the environment. */
    @Override
    public void run(String... args) {
        System.out.println("READY port=" + environment.getProperty("local.server.port"));
    }

    @Configuration
    @EnableWebSocket
    static class WebSocketConfig implements WebSocketConfigurer {
        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new TextWebSocketHandler() {
                @Override
                protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                    if (message.getPayload().startsWith("close:")) {
                        session.close(new CloseStatus(Integer.parseInt(message.getPayload().substring(6))));
                    } else if (message.getPayload().equals("throw")) {
                        throw new IllegalStateException("the client asked this handler to fail");
                    }
                }
            }, "/ws/{id}");
        }
    }
}
