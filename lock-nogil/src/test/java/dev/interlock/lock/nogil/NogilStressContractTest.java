package dev.interlock.lock.nogil;

import dev.interlock.vm.testing.StressContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The nogil strategy under the shared stress tests")
class NogilStressContractTest extends StressContract {

    @Override
    protected String pluginName() {
        return "nogil";
    }
}
