package dev.interlock.vm.stdlib.collections;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code iter(deque)} and {@code reversed(deque)}: {@code _collections._deque_iterator} and
 * {@code _collections._deque_reverse_iterator}. Each remembers the deque's modification state
 * when it was made; once the deque has gained or lost items (or rotated) it raises
 * {@code RuntimeError: deque mutated during iteration}. As in CPython the forward iterator checks
 * that even when exhausted, the reverse one only while it has items left; assigning an item or
 * reversing the deque does not count as a change. Each item is taken out atomically (see
 * {@link PyDeque}).
 */
final class DequeIterator extends PyObject {

    static final PyType FORWARD = iteratorType("_deque_iterator");
    static final PyType REVERSE = iteratorType("_deque_reverse_iterator");

    private static PyType iteratorType(String name) {
        return PyType.builtin(name, PyType.OBJECT).module("_collections").finalType()
                .method(noArgs("__iter__", (PyObject self) -> Refs.newRef(self)))
                .method(noArgs("__next__", (PyObject self) -> {
                    PyObject v = self.next();
                    if (v == null) {
                        throw Errors.of(ExceptionTypes.STOP_ITERATION);
                    }
                    return v;
                }))
                .method(noArgs("__length_hint__", (DequeIterator self) -> PyInt.of(self.counter)))
                .build();
    }

    private final PyDeque deque;
    private final boolean reverse;
    private final long expectedState;
    /** Items not yet returned, as the deque had them when this iterator was made. */
    private long counter;
    /** Items returned so far. */
    private long consumed;

    DequeIterator(PyDeque deque, boolean reverse) {
        this.deque = Refs.newRef(deque);
        this.reverse = reverse;
        // state and size together, so the count matches the state it is checked against
        long[] snapshot = deque.stateAndSize();
        this.expectedState = snapshot[0];
        this.counter = snapshot[1];
    }

    @Override
    public PyType type() {
        return reverse ? REVERSE : FORWARD;
    }

    @Override
    public String typeName() {
        return type().qualifiedName();
    }

    @Override
    public PyObject iter() {
        return Refs.newRef(this);
    }

    @Override
    public PyObject next() {
        if (reverse && counter == 0) {
            return null;
        }
        long position = reverse ? counter - 1 : consumed;
        PyObject item = deque.getIfUnchanged(expectedState, position);
        if (item == PyDeque.MUTATED) {
            counter = 0;
            throw Errors.runtimeError("deque mutated during iteration");
        }
        if (item == null || counter == 0) {
            Refs.xdecref(item);
            return null;
        }
        counter--;
        consumed++;
        return item;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(deque);
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        memory.decref(deque);
    }
}
