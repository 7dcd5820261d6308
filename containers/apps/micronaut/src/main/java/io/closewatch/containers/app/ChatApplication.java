package io.closewatch.containers.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Says "READY port=..." once Micronaut serves (on a random port of 127.0.0.1, see application.properties), and stops
 * when its standard input says "exit" or ends, as the suite's hosts do.
 */
public class ChatApplication {
    public static void main(String[] args) throws Exception {
        try (ApplicationContext context = Micronaut.run(ChatApplication.class, args)) {
            System.out.println("READY port=" + context.getBean(EmbeddedServer.class).getPort());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("exit")) {
                System.out.println("ignored " + line);
            }
        }
    }
}
