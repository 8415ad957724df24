package dev.interlock.lock.nogil;

import dev.interlock.vm.testing.RefcountRaceContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The reference-count race under nogil")
class RefcountRaceNogilTest extends RefcountRaceContract {

    @Override
    protected String pluginName() {
        return "nogil";
    }

    @Override
    protected String safeMemory() {
        return "atomic";
    }
}
