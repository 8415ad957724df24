package dev.interlock.api.memory;

/** Receives the counted references an object holds; see {@link ObjectHeader#traverse}. */
@FunctionalInterface
public interface ReferenceVisitor {

    /** Called once per reference held; an object held twice is visited twice. */
    void visit(ObjectHeader referent);
}
