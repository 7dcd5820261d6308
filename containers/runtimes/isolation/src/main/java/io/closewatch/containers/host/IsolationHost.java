package io.closewatch.containers.host;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A host built against its own (older) Byte Buddy, Micrometer, SLF4J and Logback. It prints which jar each of those
 * came from, what its own global Micrometer registry holds, and logs through its own Logback configuration; then it
 * opens and ends one WebSocket session for the agent to count, says READY, and waits for "exit".
 */
public final class IsolationHost {
    private static final Logger LOG = LoggerFactory.getLogger(IsolationHost.class);

    private IsolationHost() {
    }

    public static void main(String[] args) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.globalRegistry.add(registry);
        Metrics.counter("host.requests").increment();
        Class<?> generated = new ByteBuddy().subclass(Object.class).name("host.Generated").make()
                .load(IsolationHost.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();

        System.out.println("bytebuddy " + jarOf(ByteBuddy.class));
        System.out.println("micrometer " + jarOf(MeterRegistry.class));
        System.out.println("slf4j " + jarOf(LoggerFactory.class));
        System.out.println("logger-factory " + LoggerFactory.getILoggerFactory().getClass().getName());
        System.out.println("generated " + generated.getName());
        TreeSet<String> meters = new TreeSet<>();
        for (Meter meter : Metrics.globalRegistry.getMeters()) {
            meters.add(meter.getId().getName());
        }
        System.out.println("global-registry " + meters);
        System.out.println("host-scrape-has-websocket " + registry.scrape().contains("websocket_"));
        LOG.info("host logging works");

        int rawPort = RawPeer.port();
        CountDownLatch ended = new CountDownLatch(1);
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + rawPort + "/close/4002"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        ended.countDown();
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);
        if (!ended.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the session did not end");
        }
        System.out.println("READY raw=" + rawPort);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            System.out.println("ignored " + line);
        }
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
