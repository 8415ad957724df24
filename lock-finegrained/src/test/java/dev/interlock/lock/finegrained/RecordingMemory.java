package dev.interlock.lock.finegrained;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A memory manager for lock tests: counts in the local half only and records each decrement. */
final class RecordingMemory implements MemoryManager {

    final List<ObjectHeader> decrefs = new ArrayList<>();
    private Consumer<ObjectHeader> onDecref = o -> {
    };

    /** Runs {@code action} at each decrement, after recording it. */
    void onDecref(Consumer<ObjectHeader> action) {
        this.onDecref = action;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public boolean isThreadSafe() {
        return false;
    }

    @Override
    public boolean countsReferences() {
        return true;
    }

    @Override
    public synchronized void incref(ObjectHeader o) {
        o.setRefLocal(o.refLocal() + 1);
    }

    @Override
    public synchronized void decref(ObjectHeader o) {
        decrefs.add(o);
        onDecref.accept(o);
        o.setRefLocal(o.refLocal() - 1);
    }

    @Override
    public synchronized boolean tryIncref(ObjectHeader o) {
        incref(o);
        return true;
    }

    @Override
    public synchronized long refcount(ObjectHeader o) {
        return o.refLocal();
    }

    @Override
    public void makeImmortal(ObjectHeader o) {
        o.setRefLocal(ObjectHeader.IMMORTAL);
    }

    @Override
    public boolean isImmortal(ObjectHeader o) {
        return o.refLocal() >= ObjectHeader.IMMORTAL;
    }

    @Override
    public boolean isFreed(ObjectHeader o) {
        return false;
    }
}
