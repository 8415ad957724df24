package dev.interlock.lock.gil;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.interlock.api.LockingStrategy;

/** The {@code gil} strategy's one unconditional Guice module. */
public final class GilModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LockingStrategy.class).to(GilLockingStrategy.class).in(Scopes.SINGLETON);
    }
}
