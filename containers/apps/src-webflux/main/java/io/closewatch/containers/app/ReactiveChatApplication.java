package io.closewatch.containers.app;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.publisher.Mono;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Spring Boot WebFlux WebSocket application as Spring's reference documentation writes it: a
 * {@code WebSocketHandler} mapped at {@code /ws/{id}} by a {@code SimpleUrlHandlerMapping} bean, on Reactor Netty,
 * closing with the code a "close:&lt;code&gt;" message asks for. Says "READY port=..." once it runs, and stops when
 * its standard input says "exit" or ends. One source for every Boot version the suite builds.
 */
@SpringBootApplication
public class ReactiveChatApplication implements CommandLineRunner {
    private final Environment environment;

    public ReactiveChatApplication(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(ReactiveChatApplication.class, args);
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

    @Bean
    HandlerMapping webSocketMapping() {
        WebSocketHandler chat = session -> session.receive().map(WebSocketMessage::getPayloadAsText)
                .concatMap(text -> text.startsWith("close:")
                        ? session.close(new CloseStatus(Integer.parseInt(text.substring("close:".length()))))
                        : Mono.<Void>empty())
                .then();
        return new SimpleUrlHandlerMapping(Map.of("/ws/{id}", chat), -1);
    }
}
