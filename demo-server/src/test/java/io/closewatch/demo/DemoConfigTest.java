package io.closewatch.demo;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoConfigTest {
    @Test
    void defaults() {
        assertEquals(new DemoConfig("0.0.0.0", 8080, Profile.HEALTHY, 20, 0), DemoConfig.from(new String[0], Map.of()));
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        DemoConfig config = DemoConfig.from(new String[] {"--profile=degraded", "--port=9000"},
                Map.of("DEMO_PROFILE", "healthy", "DEMO_USERS", "5", "DEMO_PORT", "1"));
        assertEquals(Profile.DEGRADED, config.profile());
        assertEquals(9000, config.port());
        assertEquals(5, config.users());
    }

    @Test
    void badNumbersAreRejectedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DemoConfig.from(new String[] {"--users=many"}, Map.of()));
        assertTrue(error.getMessage().startsWith("users must be"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemoConfig.from(new String[] {"--port=70000"}, Map.of()));
    }
}
