package dev.interlock.vm.stdlib.functools;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyMethod;
import dev.interlock.vm.objects.PyNotImplemented;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Compare;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code functools.total_ordering(cls)}: given a class defining one of {@code __lt__},
 * {@code __le__}, {@code __gt__} or {@code __ge__}, adds the missing ones, each computed from the
 * defined root and {@code ==}/{@code !=} exactly as CPython's {@code _convert} table does.
 */
public final class TotalOrdering {

    private static final String[] OPS = {"__lt__", "__le__", "__gt__", "__ge__"};

    /** How a derived operation combines the root's result {@code r} with {@code self ==/!= other}. */
    private enum Rule {
        /** {@code not r and self != other}. */
        NOT_AND_NE,
        /** {@code r or self == other}. */
        OR_EQ,
        /** {@code not r}. */
        NOT,
        /** {@code not r or self == other}. */
        NOT_OR_EQ,
        /** {@code r and self != other}. */
        AND_NE
    }

    private record Derived(String name, Rule rule) {
    }

    private TotalOrdering() {
    }

    private static List<Derived> convert(String root) {
        return switch (root) {
            case "__lt__" -> List.of(new Derived("__gt__", Rule.NOT_AND_NE), new Derived("__le__", Rule.OR_EQ),
                    new Derived("__ge__", Rule.NOT));
            case "__le__" -> List.of(new Derived("__ge__", Rule.NOT_OR_EQ), new Derived("__lt__", Rule.AND_NE),
                    new Derived("__gt__", Rule.NOT));
            case "__gt__" -> List.of(new Derived("__lt__", Rule.NOT_AND_NE), new Derived("__ge__", Rule.OR_EQ),
                    new Derived("__le__", Rule.NOT));
            default -> List.of(new Derived("__le__", Rule.NOT_OR_EQ), new Derived("__gt__", Rule.AND_NE),
                    new Derived("__lt__", Rule.NOT));
        };
    }

    /** {@code total_ordering(cls)}: returns {@code cls} (a new reference). */
    public static PyObject apply(PyObject cls) {
        List<String> roots = new ArrayList<>();
        for (String op : OPS) {
            PyObject mine = attributeOrNull(cls, op);
            PyObject base = attributeOrNull(PyType.OBJECT, op);
            try {
                if (mine != base && mine != null) {
                    roots.add(op);
                }
            } finally {
                Refs.xdecref(mine);
                Refs.xdecref(base);
            }
        }
        if (roots.isEmpty()) {
            throw Errors.valueError("must define at least one ordering operation: < > <= >=");
        }
        String root = roots.get(0); // OPS is in order of preference: __lt__, __le__, __gt__, __ge__
        for (Derived d : convert(root)) {
            if (!roots.contains(d.name())) {
                PyObject method = new OrderingMethod(d.name(), root, d.rule());
                try {
                    cls.setAttribute(PyStr.immortal(d.name()), method);
                } finally {
                    Refs.decref(method);
                }
            }
        }
        return Refs.newRef(cls);
    }

    private static PyObject attributeOrNull(PyObject o, String name) {
        try {
            return o.getAttribute(PyStr.immortal(name));
        } catch (PyException e) {
            if (!e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            return null;
        }
    }

    static final PyType METHOD_TYPE = PyType.builtin("total_ordering_method", PyType.OBJECT).finalType()
            .module(FunctoolsTypes.MODULE).build();

    /** A derived comparison: a function of {@code (self, other)} that binds like a Python function. */
    static final class OrderingMethod extends PyObject {
        private final String name;
        private final String root;
        private final Rule rule;

        OrderingMethod(String name, String root, Rule rule) {
            this.name = name;
            this.root = root;
            this.rule = rule;
        }

        @Override
        public PyType type() {
            return METHOD_TYPE;
        }

        @Override
        public boolean isCallable() {
            return true;
        }

        @Override
        public PyObject descriptorGet(PyObject instance, PyType owner) {
            return instance == null ? Refs.newRef(this) : new PyMethod(this, instance);
        }

        @Override
        public PyObject getAttribute(PyStr attr) {
            if (attr.value().equals("__name__")) {
                return PyStr.of(name);
            }
            return super.getAttribute(attr);
        }

        @Override
        public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
            if (kwnames != null && kwnames.size() > 0) {
                throw Errors.typeError(name + "() got an unexpected keyword argument");
            }
            BuiltinDef.checkPositional(name, nargs, 2, 2);
            PyObject self = args[start];
            PyObject other = args[start + 1];
            PyObject rootMethod = self.type().getAttribute(PyStr.immortal(root));
            PyObject r;
            try {
                r = rootMethod.call(new PyObject[] {self, other}, 0, 2, null);
            } finally {
                Refs.decref(rootMethod);
            }
            if (r == PyNotImplemented.INSTANCE) {
                return r;
            }
            boolean truth;
            try {
                truth = r.isTrue();
            } catch (RuntimeException | Error e) {
                Refs.decref(r);
                throw e;
            }
            switch (rule) {
                case NOT_AND_NE:
                    Refs.decref(r);
                    return truth ? PyBool.FALSE : Compare.richCompare(self, other, Compare.NE);
                case OR_EQ:
                    if (truth) {
                        return r;
                    }
                    Refs.decref(r);
                    return Compare.richCompare(self, other, Compare.EQ);
                case NOT:
                    Refs.decref(r);
                    return PyBool.of(!truth);
                case NOT_OR_EQ:
                    Refs.decref(r);
                    return !truth ? PyBool.TRUE : Compare.richCompare(self, other, Compare.EQ);
                default:
                    if (!truth) {
                        return r;
                    }
                    Refs.decref(r);
                    return Compare.richCompare(self, other, Compare.NE);
            }
        }

        @Override
        public String repr() {
            return "<function total_ordering." + name + ">";
        }
    }
}
