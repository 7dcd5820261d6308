package io.closewatch.containers.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Says "READY port=..." once Quarkus runs (on a random port of 127.0.0.1, see application.properties), and stops when
 * its standard input says "exit" or ends, as the suite's hosts do.
 */
@QuarkusMain
public class ChatMain implements QuarkusApplication {
    public static void main(String[] args) {
        Quarkus.run(ChatMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        // On a random port (quarkus.http.port=0), Quarkus sets the property to the port it got.
        System.out.println("READY port=" + System.getProperty("quarkus.http.port",
                ConfigProvider.getConfig().getValue("quarkus.http.port", String.class)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            System.out.println("ignored " + line);
        }
        return 0;
    }
}
