package dev.interlock.lock.nogil;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.interlock.api.LockingStrategy;

/** The {@code nogil} strategy's one unconditional Guice module. */
public final class NogilModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LockingStrategy.class).to(NogilLockingStrategy.class).in(Scopes.SINGLETON);
    }
}
