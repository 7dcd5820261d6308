package io.closewatch.containers.app;

import io.javalin.Javalin;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A Javalin WebSocket application as its users write it: a route {@code /chat/{room}} that closes with the code a
 * "close:&lt;code&gt;" message asks for, and fails on "throw" (Javalin then closes with 1011). Says "READY port=..." once it runs on 127.0.0.1, and stops when its standard
 * input says "exit" or ends, as the suite's hosts do.
 */
public final class JavalinChat {
    private JavalinChat() {
    }

    public static void main(String[] args) throws Exception {
        Javalin app = Javalin.create(config -> config.routes.ws("/chat/{room}", ws -> ws.onMessage(context -> {
            if (context.message().equals("throw")) {
                throw new IllegalStateException("the client asked this handler to fail");
            }
            if (context.message().startsWith("close:")) {
                context.closeSession(Integer.parseInt(context.message().substring(6)), "asked to");
            }
        })));
        app.start("127.0.0.1", 0);
        System.out.println("READY port=" + app.port());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            System.out.println("ignored " + line);
        }
        app.stop();
    }
}
