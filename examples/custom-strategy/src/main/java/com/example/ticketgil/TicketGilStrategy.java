package com.example.ticketgil;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Mark;
import dev.interlock.api.trace.Tracer;
import dev.interlock.vm.storage.PlainContainerStorage;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A global interpreter lock that is handed over in strict arrival order: a ticket lock.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Two counters make the lock. {@code nextTicket} hands every thread that wants the GIL a number
 * ({@code getAndIncrement}); {@code nowServing} is the number of the thread that holds it. A
 * thread holds the GIL exactly while {@code nowServing} equals its ticket, so at most one does, and
 * releasing is one increment: the GIL goes to the thread that asked next, never to one that asked
 * later. There is no barging and no starvation; the order of arrival is the order of service.
 *
 * <ul>
 *   <li><b>Waiting.</b> A thread whose ticket is not served yet polls {@code nowServing} a few
 *       times ({@code -X spins=N}), then registers itself under its ticket in {@code parked} and
 *       parks. The releaser increments {@code nowServing} and unparks the thread registered under
 *       the new number. The waiter registers before it reads {@code nowServing}, and the releaser
 *       writes {@code nowServing} before it reads {@code parked}; both are volatile accesses, so at
 *       least one of them sees the other and no wake-up is lost. Parking is also bounded by the
 *       switch interval, so a waiter re-checks in any case.</li>
 *   <li><b>Asking the holder to let go.</b> A CPU-bound holder would keep the GIL forever, since it
 *       never blocks. The thread <em>next in line</em> ({@code ticket == nowServing + 1}) that has
 *       seen no handoff for a whole switch interval sets {@link EvalBreaker#GIL_DROP_REQUEST} in the
 *       holder's eval breaker. Threads further back do not: each handoff restarts their clocks, so
 *       there is at most one request per interval.</li>
 *   <li><b>Letting go.</b> At its next check point the holder sees the request; if anybody waits
 *       it releases and takes a new ticket, which puts it at the back of the line. The ticket order
 *       is what makes the switch happen: the holder cannot take the GIL straight back, so no
 *       second condition (CPython's FORCE_SWITCHING) is needed.</li>
 *   <li><b>Blocking calls.</b> {@link #detach} releases and {@link #attach} takes a new ticket, as
 *       around every blocking call. A thread coming back from I/O queues behind the threads already
 *       waiting: with N CPU-bound threads it runs again after at most N switch intervals.</li>
 *   <li><b>Memory visibility.</b> The increment of {@code nowServing} by the releaser and the read
 *       that sees its ticket in the next holder order everything the first did before everything
 *       the second does after, which is what unsynchronized Python objects need.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * At most one attached thread at any moment, so containers need no locks (the critical sections
 * are empty) and the {@code plain} memory manager's counts are exact. Every attach is matched by
 * one detach on the same thread, and only the holder releases. A thread never waits for a
 * thread that arrived after it.
 *
 * <h2>Compared with the gil strategy</h2>
 * The built-in {@code gil} follows CPython: whoever wins the mutex after a drop takes the GIL, so
 * a thread that just woke can overtake older waiters, and a dropping thread has to wait for the
 * switch explicitly. Here order is fixed at arrival: fairer latency for many threads, at the price
 * of handing over even when the next thread in line is slow to wake.
 */
public final class TicketGilStrategy implements LockingStrategy {

    private final AtomicLong nextTicket = new AtomicLong();
    private final AtomicLong nowServing = new AtomicLong();
    private final ConcurrentHashMap<Long, Thread> parked = new ConcurrentHashMap<>();
    /** The holder, for drop requests; null between a release and the next holder's attach. */
    private volatile ThreadState holder;
    /** The last thread that held the GIL: read and written only by the holder. */
    private ThreadState lastHolder;

    private final SwitchSettings switches;
    private final int spins;
    private final ContainerStorage storage;
    private final Tracer tracer;

    private final LongAdder switchCount = new LongAdder();
    private final LongAdder dropRequests = new LongAdder();
    private final LongAdder forcedSwitches = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder threads = new LongAdder();

    /**
     * Built by Guice from the plug-in's module; the core binds all four parameters.
     *
     * @param switches the interpreter's switch interval, shared with {@code sys.setswitchinterval}
     * @param options the {@code -X} options, already validated by {@link TicketGilPlugin#validate}
     * @param memory the interpreter's memory manager, which the container storage counts with
     * @param tracer where {@code interlock trace} records waits and drop requests
     */
    @Inject
    public TicketGilStrategy(SwitchSettings switches, StrategyOptions options, MemoryManager memory, Tracer tracer) {
        this.switches = requireNonNull(switches, "switches is null");
        this.tracer = requireNonNull(tracer, "tracer is null");
        requireNonNull(options, "options is null");
        options.positiveSeconds(TicketGilPlugin.SWITCH_INTERVAL).ifPresent(switches::setSwitchIntervalSeconds);
        this.spins = spins(options);
        this.storage = new PlainContainerStorage(requireNonNull(memory, "memory is null"));
    }

    /** The {@code -X spins=N} option: a whole number, 0 or more. */
    static int spins(StrategyOptions options) {
        String value = options.get(TicketGilPlugin.SPINS).orElse(null);
        if (value == null) {
            return TicketGilPlugin.DEFAULT_SPINS;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException(TicketGilPlugin.SPINS, value, "a whole number, 0 or more");
    }

    @Override
    public String name() {
        return TicketGilPlugin.NAME;
    }

    @Override
    public CheckPoints checkPoints() {
        return CheckPoints.CALLS_AND_BACKWARD_JUMPS;
    }

    @Override
    public boolean serializesBytecode() {
        return true;
    }

    @Override
    public ContainerStorage storage() {
        return storage;
    }

    @Override
    public void threadStarted(ThreadState thread) {
        threads.increment();
    }

    @Override
    public void threadExited(ThreadState thread) {
        // the thread has detached already: it holds nothing
    }

    @Override
    public void attach(ThreadState thread) {
        long ticket = nextTicket.getAndIncrement();
        if (nowServing.get() != ticket) {
            waitForTurn(thread, ticket);
        }
        // This thread holds the GIL now.
        if (lastHolder != thread) {
            lastHolder = thread;
            switchCount.increment();
        }
        holder = thread;
        // A request aimed at an earlier turn of this thread is stale.
        thread.clearBreak(EvalBreaker.GIL_DROP_REQUEST);
    }

    private void waitForTurn(ThreadState thread, long ticket) {
        waits.increment();
        tracer.activity(thread, Activity.WAITING_GIL);
        long start = System.nanoTime();
        for (int i = 0; i < spins; i++) {
            if (nowServing.get() == ticket) {
                waitNanos.add(System.nanoTime() - start);
                return;
            }
            Thread.onSpinWait();
        }
        Thread self = Thread.currentThread();
        Long key = ticket;
        parked.put(key, self);
        boolean interrupted = false;
        long seen = nowServing.get();
        long interval = switches.switchIntervalNanos();
        long deadline = System.nanoTime() + interval;
        while (true) {
            long serving = nowServing.get();
            if (serving == ticket) {
                break;
            }
            long now = System.nanoTime();
            if (serving != seen) {
                // the line moved: a new holder gets a whole interval before anyone asks it to let go
                seen = serving;
                deadline = now + interval;
            } else if (now - deadline >= 0) {
                if (serving + 1 == ticket) {
                    ThreadState h = holder;
                    if (h != null) {
                        h.requestBreak(EvalBreaker.GIL_DROP_REQUEST);
                        dropRequests.increment();
                        tracer.mark(thread, Mark.DROP_REQUEST);
                    }
                }
                interval = switches.switchIntervalNanos();
                deadline = now + interval;
            }
            LockSupport.parkNanos(this, Math.max(deadline - now, 1));
            if (Thread.interrupted()) {
                // The GIL cannot be refused: remember the interrupt for the code that runs next.
                interrupted = true;
            }
        }
        parked.remove(key);
        if (interrupted) {
            self.interrupt();
        }
        waitNanos.add(System.nanoTime() - start);
    }

    @Override
    public void detach(ThreadState thread) {
        holder = null;
        long next = nowServing.incrementAndGet();
        Thread waiter = parked.get(next);
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
    }

    @Override
    public void handleEvalBreaker(ThreadState thread) {
        int bits = thread.evalBreaker();
        if ((bits & EvalBreaker.GIL_DROP_REQUEST) != 0) {
            thread.clearBreak(EvalBreaker.GIL_DROP_REQUEST);
            // Somebody is in line when tickets have been handed out beyond the holder's.
            if (nextTicket.get() - nowServing.get() > 1) {
                forcedSwitches.increment();
                tracer.mark(thread, Mark.FORCED_SWITCH);
                detach(thread);
                attach(thread);
                tracer.activity(thread, Activity.RUNNING);
            }
        }
        if ((bits & EvalBreaker.STOP_THE_WORLD) != 0) {
            thread.clearBreak(EvalBreaker.STOP_THE_WORLD); // the other threads are stopped already
        }
    }

    @Override
    public void enterCriticalSection(ObjectHeader object) {
        // only the holder runs: the GIL is the critical section
    }

    @Override
    public void exitCriticalSection(ObjectHeader object) {
        // only the holder runs: the GIL is the critical section
    }

    @Override
    public void enterCriticalSection(ObjectHeader first, ObjectHeader second) {
        // only the holder runs: the GIL is the critical section
    }

    @Override
    public void exitCriticalSection(ObjectHeader first, ObjectHeader second) {
        // only the holder runs: the GIL is the critical section
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("switches", switchCount.sum());
        m.put("drop_requests", dropRequests.sum());
        m.put("forced_switches", forcedSwitches.sum());
        m.put("waits", waits.sum());
        m.put("wait_nanos", waitNanos.sum());
        m.put("threads", threads.sum());
        m.put("tickets", nextTicket.get());
        return m;
    }
}
