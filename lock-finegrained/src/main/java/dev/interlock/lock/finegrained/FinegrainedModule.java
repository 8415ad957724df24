package dev.interlock.lock.finegrained;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.interlock.api.LockingStrategy;

/** The {@code finegrained} strategy's one unconditional Guice module. */
public final class FinegrainedModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LockingStrategy.class).to(FinegrainedLockingStrategy.class).in(Scopes.SINGLETON);
    }
}
