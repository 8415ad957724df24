package dev.interlock.lock.finegrained;

import dev.interlock.vm.testing.RefcountRaceContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The reference-count race under finegrained")
class RefcountRaceFinegrainedTest extends RefcountRaceContract {

    @Override
    protected String pluginName() {
        return "finegrained";
    }

    @Override
    protected String safeMemory() {
        return "biased";
    }
}
