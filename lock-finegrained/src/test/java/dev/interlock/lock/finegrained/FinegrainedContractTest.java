package dev.interlock.lock.finegrained;

import dev.interlock.vm.testing.LockingStrategyContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The finegrained strategy keeps the strategy contract")
class FinegrainedContractTest extends LockingStrategyContract {

    @Override
    protected String pluginName() {
        return FinegrainedPlugin.NAME;
    }
}
