package dev.interlock.lock.finegrained;

import dev.interlock.vm.testing.StressContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The finegrained strategy under the shared stress tests")
class FinegrainedStressContractTest extends StressContract {

    @Override
    protected String pluginName() {
        return "finegrained";
    }
}
