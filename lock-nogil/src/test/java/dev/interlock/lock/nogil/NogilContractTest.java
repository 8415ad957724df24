package dev.interlock.lock.nogil;

import dev.interlock.vm.testing.LockingStrategyContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The nogil strategy keeps the strategy contract")
class NogilContractTest extends LockingStrategyContract {

    @Override
    protected String pluginName() {
        return "nogil";
    }
}
