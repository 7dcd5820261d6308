package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Undeploying a web application leaves the agent holding nothing of it: after its sessions were counted and its
 * context was stopped and removed, its class loader must be garbage-collected (the host checks a weak reference).
 */
class ClassLoaderLeakIT {
    @Test
    void anUndeployedWebApplicationsClassLoaderIsCollected() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}", List.of(), Map.of())) {
            host.play("webapp-deploy");
            host.play("jdk-client-close 1000 /app/webapp/1");
            host.play("jdk-server-close 4001 /app/webapp/2");
            Map<String, Double> counted = Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                    "release", "api", "category", "initiator");
            assertEquals(1.0, counted.get("{code=1000, endpoint=/webapp/{id}, side=server}"), counted.toString());
            assertEquals(1.0, counted.get("{code=4001, endpoint=/webapp/{id}, side=server}"), counted.toString());
            host.play("webapp-undeploy"); // fails unless the web application's class loader was collected
        }
    }
}
