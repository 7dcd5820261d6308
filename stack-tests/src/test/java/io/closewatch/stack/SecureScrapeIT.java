package io.closewatch.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The agent's endpoint behind TLS and HTTP Basic authentication, scraped by a real Prometheus with its own
 * {@code tls_config} and {@code basic_auth}: the right password gets data, a wrong one does not.
 */
class SecureScrapeIT {
    private static final String STORE_PASSWORD = "store-secret";

    @Test
    void prometheusScrapesOverTlsWithBasicAuthenticationAndAWrongPasswordIsRefused() throws Exception {
        try (LocalStack stack = new LocalStack()) {
            Path keyStore = stack.workDir.resolve("closewatch.p12");
            Path certificate = stack.workDir.resolve("closewatch.pem");
            keytool(stack, "-genkeypair", "-alias", "closewatch", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                    keyStore.toString(), "-storepass", STORE_PASSWORD);
            keytool(stack, "-exportcert", "-rfc", "-alias", "closewatch", "-keystore", keyStore.toString(),
                    "-storepass", STORE_PASSWORD, "-file", certificate.toString());
            int port = stack.startDemo("2.0.0", "healthy", "host=127.0.0.1,port=0,auth.username=prometheus,"
                    + "auth.password=s3cret,tls.keystore=" + keyStore + ",tls.keystore.password=" + STORE_PASSWORD,
                    false).metricsPort();
            stack.startPrometheus(String.join("\n",
                    "global: {scrape_interval: 1s}",
                    "scrape_configs:",
                    job("secure", "s3cret", certificate, port),
                    job("wrong-password", "guess", certificate, port),
                    ""));
            awaitValue(stack, "up{job=\"secure\"}", 1.0);
            awaitValue(stack, "up{job=\"wrong-password\"}", 0.0);
            awaitValue(stack, "count(websocket_closes_total{job=\"secure\"}) > bool 0", 1.0);
        }
    }

    private static String job(String name, String password, Path certificate, int port) {
        return String.join("\n",
                "  - job_name: " + name,
                "    scheme: https",
                "    basic_auth: {username: prometheus, password: " + password + "}",
                "    tls_config: {ca_file: '" + certificate + "'}",
                "    static_configs: [{targets: ['127.0.0.1:" + port + "']}]");
    }

    private static void awaitValue(LocalStack stack, String expression, double expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            var result = stack.query(expression).path("data").path("result");
            if (result.size() == 1) {
                last = result.get(0).path("value").get(1).asText();
                if (Double.parseDouble(last) == expected) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        assertEquals(String.valueOf(expected), last, expression + "; logs in " + stack.workDir);
    }

    private static void keytool(LocalStack stack, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Processes.Result result = Processes.run(command, stack.workDir, Map.of(), 60);
        assertEquals(0, result.exitCode(), result.output());
    }
}
