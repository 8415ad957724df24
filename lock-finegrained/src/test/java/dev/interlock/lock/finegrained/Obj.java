package dev.interlock.lock.finegrained;

import dev.interlock.api.memory.ObjectHeader;

/** A bare test object: the header every Python object has, and a name. */
final class Obj extends ObjectHeader {

    private final String name;

    Obj(String name) {
        this.name = name;
    }

    @Override
    public String typeName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
