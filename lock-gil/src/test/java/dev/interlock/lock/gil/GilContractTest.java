package dev.interlock.lock.gil;

import dev.interlock.vm.testing.LockingStrategyContract;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The gil strategy keeps the strategy contract")
class GilContractTest extends LockingStrategyContract {

    @Override
    protected String pluginName() {
        return "gil";
    }

    /** A short switch interval, so that the threads of the contract change hands often. */
    @Override
    protected Map<String, String> options() {
        return Map.of(GilPlugin.SWITCH_INTERVAL, "0.0005");
    }
}
