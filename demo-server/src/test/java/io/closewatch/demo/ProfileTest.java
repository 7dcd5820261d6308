package io.closewatch.demo;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    @Test
    void picksFollowTheWeights() {
        Random random = new Random(42);
        Map<Outcome, Integer> picked = new EnumMap<>(Outcome.class);
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            picked.merge(Profile.DEGRADED.pick(random), 1, Integer::sum);
        }
        for (Outcome outcome : Outcome.values()) {
            double share = picked.getOrDefault(outcome, 0) / (double) draws;
            assertEquals(Profile.DEGRADED.share(outcome), share, 0.01, outcome.name());
        }
    }

    /** The demo's story: the degraded release drops and fails far more sessions; the healthy one stays under the alert floors. */
    @Test
    void theDegradedReleaseHasMore1006And1011ThanTheHealthyOne() {
        double healthy1006 = Profile.HEALTHY.share(Outcome.CLIENT_ABORT) + Profile.HEALTHY.share(Outcome.NETWORK_CUT);
        double degraded1006 = Profile.DEGRADED.share(Outcome.CLIENT_ABORT) + Profile.DEGRADED.share(Outcome.NETWORK_CUT);
        assertTrue(healthy1006 < 0.05 && degraded1006 > 3 * healthy1006, healthy1006 + " / " + degraded1006);
        assertTrue(Profile.HEALTHY.share(Outcome.SERVER_ERROR) < 0.02);
        assertTrue(Profile.DEGRADED.share(Outcome.SERVER_ERROR) > 3 * Profile.HEALTHY.share(Outcome.SERVER_ERROR));
    }

    @Test
    void parsesNamesAndRejectsOthersClearly() {
        assertEquals(Profile.HEALTHY, Profile.parse(" Healthy "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Profile.parse("broken"));
        assertTrue(error.getMessage().contains("'broken'") && error.getMessage().contains("healthy or degraded"));
    }
}
