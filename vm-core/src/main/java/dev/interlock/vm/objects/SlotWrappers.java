package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.ops.UnaryOp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The special methods of built-in types as attributes ({@code list.__len__},
 * {@code (1).__add__}, {@code super().__getitem__(i)} in a list subclass): CPython's slot
 * wrappers. A built-in type implements its behaviour by overriding the Java protocol methods of
 * {@link PyObject} ({@code length()}, {@code getItem}, {@code binaryOp}, ...); each overridden
 * one becomes the matching special method in the type's dict, made once when the type is built.
 *
 * <p>A wrapper always runs the built-in behaviour: called on an instance of a Python subclass
 * that overrides the same method ({@code super().__len__()} inside {@code __len__}), it skips
 * the override for that one call (see {@link HeapDispatch#builtin}), as calling CPython's base
 * slot function directly does.
 *
 * <p>Missing: {@code __hash__ = None} on unhashable types, {@code __bool__}, {@code __int__},
 * {@code __float__} and the other conversion slots.
 */
final class SlotWrappers {

    private SlotWrappers() {
    }

    /**
     * The slot wrappers for instances of {@code javaClass}: one method definition per special
     * method the class implements. {@code binaryOps} lists the operators it supports.
     */
    static List<BuiltinDef> definitionsFor(Class<? extends PyObject> javaClass, Set<BinaryOp> binaryOps) {
        List<BuiltinDef> defs = new ArrayList<>();
        if (overrides(javaClass, "length")) {
            defs.add(noArgs("__len__", (PyObject self) -> PyInt.of(builtin(self, self::length))));
        }
        if (overrides(javaClass, "getItem", PyObject.class)) {
            defs.add(oneArg("__getitem__", (PyObject self, PyObject key) -> builtin(self, () -> self.getItem(key))));
        }
        if (overrides(javaClass, "setItem", PyObject.class, PyObject.class)) {
            defs.add(positional("__setitem__", 2, 2, (PyObject self, PyObject[] a, int s, int n) -> builtin(self, () -> {
                self.setItem(a[s], a[s + 1]);
                return PyNone.INSTANCE;
            })));
        }
        if (overrides(javaClass, "deleteItem", PyObject.class)) {
            defs.add(oneArg("__delitem__", (PyObject self, PyObject key) -> builtin(self, () -> {
                self.deleteItem(key);
                return PyNone.INSTANCE;
            })));
        }
        if (overrides(javaClass, "contains", PyObject.class)) {
            defs.add(oneArg("__contains__", (PyObject self, PyObject item) ->
                    PyBool.of(builtin(self, () -> self.contains(item)))));
        }
        if (overrides(javaClass, "iter")) {
            defs.add(noArgs("__iter__", (PyObject self) -> builtin(self, self::iter)));
        }
        if (overrides(javaClass, "next")) {
            defs.add(noArgs("__next__", (PyObject self) -> {
                PyObject item = builtin(self, self::next);
                if (item == null) {
                    throw Errors.of(ExceptionTypes.STOP_ITERATION);
                }
                return item;
            }));
        }
        if (overrides(javaClass, "repr")) {
            defs.add(noArgs("__repr__", (PyObject self) -> PyStr.of(builtin(self, self::repr))));
        }
        if (overrides(javaClass, "str")) {
            defs.add(noArgs("__str__", (PyObject self) -> PyStr.of(builtin(self, self::str))));
        }
        if (overrides(javaClass, "hash")) {
            defs.add(noArgs("__hash__", (PyObject self) -> PyInt.of(builtin(self, self::hash))));
        }
        if (overrides(javaClass, "richCompare", PyObject.class, int.class)) {
            String[] names = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
            int[] ops = {Compare.LT, Compare.LE, Compare.EQ, Compare.NE, Compare.GT, Compare.GE};
            for (int i = 0; i < names.length; i++) {
                int op = ops[i];
                defs.add(oneArg(names[i], (PyObject self, PyObject other) ->
                        builtin(self, () -> self.richCompare(other, op))));
            }
        }
        boolean binary = overrides(javaClass, "binaryOp", BinaryOp.class, PyObject.class);
        boolean reflected = overrides(javaClass, "reflectedBinaryOp", BinaryOp.class, PyObject.class);
        boolean inplace = overrides(javaClass, "inplaceOp", BinaryOp.class, PyObject.class);
        for (BinaryOp op : binaryOps) {
            if (binary) {
                defs.add(oneArg(op.method(), (PyObject self, PyObject other) ->
                        builtin(self, () -> self.binaryOp(op, other))));
            }
            if (reflected) {
                defs.add(oneArg(op.reflectedMethod(), (PyObject self, PyObject other) ->
                        builtin(self, () -> self.reflectedBinaryOp(op, other))));
            }
            if (inplace) {
                defs.add(oneArg(op.inplaceMethod(), (PyObject self, PyObject other) ->
                        builtin(self, () -> self.inplaceOp(op, other))));
            }
        }
        if (overrides(javaClass, "unaryOp", UnaryOp.class)) {
            for (UnaryOp op : UnaryOp.values()) {
                defs.add(noArgs(op.method(), (PyObject self) -> builtin(self, () -> self.unaryOp(op))));
            }
        }
        if (overrides(javaClass, "call", PyObject[].class, int.class, int.class, PyTuple.class)) {
            defs.add(BuiltinDef.keywords("__call__", (self, a, s, n, kw) -> self.call(a, s, n, kw)));
        }
        if (overrides(javaClass, "format", String.class)) {
            defs.add(oneArg("__format__", (PyObject self, PyObject spec) -> {
                if (!(spec instanceof PyStr str)) {
                    throw Errors.typeError("__format__() argument must be str, not " + spec.typeName());
                }
                return PyStr.of(builtin(self, () -> self.format(str.value())));
            }));
        }
        if (overrides(javaClass, "asIndex")) {
            defs.add(noArgs("__index__", (PyObject self) -> builtin(self, self::asIndex)));
        }
        return defs;
    }

    /** The binary operators of numbers ({@code int}, {@code float}). */
    static Set<BinaryOp> numberOps() {
        Set<BinaryOp> ops = EnumSet.allOf(BinaryOp.class);
        ops.remove(BinaryOp.MATMUL);
        return ops;
    }

    /** Runs the built-in behaviour of a special method of {@code self}, skipping Python overrides. */
    private static <T> T builtin(PyObject self, Supplier<T> op) {
        return HeapDispatch.builtin(self, op);
    }

    private static boolean overrides(Class<?> c, String method, Class<?>... parameters) {
        try {
            return c.getMethod(method, parameters).getDeclaringClass() != PyObject.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("PyObject has no method " + method, e);
        }
    }
}
