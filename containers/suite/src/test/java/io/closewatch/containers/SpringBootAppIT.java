package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spring Boot applications, built with Boot's starters into its repackaged jar ({@code containers/apps}): on Tomcat,
 * Undertow and Jetty (Boot 2.7: Spring 5.3, javax), on Jetty (3.5 and 4.0) and as WebFlux on Reactor Netty, each
 * played as {@link FrameworkAppIT} plays the other frameworks' (a class of their own, so that they run beside those).
 */
class SpringBootAppIT {
    @ParameterizedTest(name = "{0} on Java {5}")
    @CsvSource(delimiter = ';', value = {
            "boot27; javax; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot27undertow; javax; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot27jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot35jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot40jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot35webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot40webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17"})
    void everyCloseIsCountedOnceUnderTheMappingPattern(String app, String api, String path, String route,
                                                       String arguments, int java) throws Exception {
        FrameworkAppIT.everyCloseIsCountedOnce(app, api, path, route, arguments, java);
    }
}
