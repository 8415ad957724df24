package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Compare;

/**
 * {@code groupby(iterable, key=None)}: {@code (key, group)} pairs for each run of consecutive items
 * with equal keys. The groups share the underlying iterator: advancing the groupby invalidates the
 * previous group, which then yields nothing more.
 *
 * <p>State, as the documented pure-Python equivalent: {@code currvalue} and {@code currkey} are the
 * item last read and its key (null once a group has handed the item out), {@code tgtkey} the key
 * of the group last returned. After exhaustion the three are kept, as in CPython.
 */
final class GroupBy extends ItertoolsIterator {

    private static final ArgParser ARGS = new ArgParser("groupby", 1, 0, new String[] {"iterable", "key"});

    static final PyType TYPE = iteratorType("groupby")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s, n, kw);
                return new GroupBy(p[0].iter(), p[1] == null || p[1] == PyNone.INSTANCE ? null : p[1]);
            })
            .build();

    private final PyObject it;
    /** The key function, or null for the identity. */
    private final PyObject keyfunc;
    private PyObject tgtkey;
    private PyObject currkey;
    private PyObject currvalue;
    /** The group that may still read from the iterator: identity only, not a counted reference. */
    private Grouper currgrouper;

    /** Takes over {@code it}. */
    private GroupBy(PyObject it, PyObject keyfunc) {
        this.it = it;
        this.keyfunc = keyfunc == null ? null : Refs.newRef(keyfunc);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        currgrouper = null;
        // Skip to the first item whose key differs from the key of the last group.
        while (true) {
            if (currkey != null) {
                if (tgtkey == null || !Compare.isEqual(tgtkey, currkey)) {
                    break;
                }
            }
            if (!step()) {
                return null;
            }
        }
        PyObject key = currkey;
        PyObject old = tgtkey;
        tgtkey = Refs.newRef(key);
        Refs.xdecref(old);
        Grouper grouper = new Grouper(this, key);
        currgrouper = grouper;
        return PyTuple.steal(new PyObject[] {Refs.newRef(key), grouper});
    }

    /** Reads the next item and its key into {@code currvalue} and {@code currkey}; false at the end. */
    boolean step() {
        PyObject value = it.next();
        if (value == null) {
            return false;
        }
        PyObject key;
        try {
            key = keyfunc == null ? Refs.newRef(value) : call1(keyfunc, value);
        } catch (RuntimeException | Error e) {
            Refs.decref(value);
            throw e;
        }
        PyObject oldValue = currvalue;
        PyObject oldKey = currkey;
        currvalue = value;
        currkey = key;
        Refs.xdecref(oldValue);
        Refs.xdecref(oldKey);
        return true;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(it);
        if (keyfunc != null) {
            visitor.visit(keyfunc);
        }
        if (tgtkey != null) {
            visitor.visit(tgtkey);
        }
        if (currkey != null) {
            visitor.visit(currkey);
        }
        if (currvalue != null) {
            visitor.visit(currvalue);
        }
    }

    static final PyType GROUPER = iteratorType("_grouper").finalType().build();

    /** One group of a groupby: the items while their key equals the group's key. */
    static final class Grouper extends ItertoolsIterator {
        private final GroupBy parent;
        private final PyObject tgtkey;

        /** Takes its own references to both. */
        Grouper(GroupBy parent, PyObject tgtkey) {
            this.parent = Refs.newRef(parent);
            this.tgtkey = Refs.newRef(tgtkey);
        }

        @Override
        public PyType type() {
            return GROUPER;
        }

        @Override
        public PyObject next() {
            GroupBy gb = parent;
            if (gb.currgrouper != this) {
                return null;
            }
            if (gb.currvalue == null && !gb.step()) {
                return null;
            }
            if (!Compare.isEqual(tgtkey, gb.currkey)) {
                return null;
            }
            PyObject value = gb.currvalue;
            PyObject key = gb.currkey;
            gb.currvalue = null;
            gb.currkey = null;
            Refs.decref(key);
            return value; // the groupby's reference passes to the caller
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(parent);
            visitor.visit(tgtkey);
        }
    }
}
