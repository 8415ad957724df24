package com.example.ticketgil;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.interlock.api.LockingStrategy;

/**
 * The strategy's one unconditional Guice module: it binds {@link LockingStrategy}, once per
 * interpreter. The core binds what the constructor of {@link TicketGilStrategy} asks for.
 */
public final class TicketGilModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LockingStrategy.class).to(TicketGilStrategy.class).in(Scopes.SINGLETON);
    }
}
