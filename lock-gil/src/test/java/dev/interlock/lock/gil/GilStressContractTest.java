package dev.interlock.lock.gil;

import dev.interlock.vm.testing.StressContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The gil strategy under the shared stress tests")
class GilStressContractTest extends StressContract {

    @Override
    protected String pluginName() {
        return "gil";
    }
}
