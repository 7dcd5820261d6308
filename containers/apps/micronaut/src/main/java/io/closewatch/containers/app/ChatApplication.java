package io.closewatch.containers.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.websocket.WebSocketClient;
import reactor.core.publisher.Mono;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Says "READY port=..." once Micronaut serves (on a random port of 127.0.0.1, see application.properties), and stops
 * when its standard input says "exit" or ends, as the suite's hosts do. "client-close &lt;path&gt;" opens a session of
 * its own {@link ChatClient} to its own server, closes it, and says "DONE &lt;line&gt;" once the client was told.
 */
public class ChatApplication {
    private static void clientCloses(ApplicationContext context, String path) throws Exception {
        URI server = URI.create("ws://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + path);
        try (WebSocketClient client = context.createBean(WebSocketClient.class, server)) {
            ChatClient chat = Mono.from(client.connect(ChatClient.class, server)).block(Duration.ofSeconds(20));
            chat.close();
            if (!chat.closed.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client was not told its session ended");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        try (ApplicationContext context = Micronaut.run(ChatApplication.class, args)) {
            System.out.println("READY port=" + context.getBean(EmbeddedServer.class).getPort());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("exit")) {
                if (line.startsWith("client-close ")) {
                    clientCloses(context, line.substring("client-close ".length()));
                    System.out.println("DONE " + line);
                } else {
                    System.out.println("ignored " + line);
                }
            }
        }
    }
}
