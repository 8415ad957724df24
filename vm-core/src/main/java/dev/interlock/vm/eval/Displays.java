package dev.interlock.vm.eval;

import dev.interlock.vm.bytecode.Opcode;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Ascii;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.api.storage.MapStorage;
import java.util.List;

/** Building displays ({@code [..]}, {@code {..}}, f-strings) and printing interactive results. */
final class Displays {

    private Displays() {
    }

    /** LIST_EXTEND: {@code [*x]} and call argument unpacking. */
    static void listExtend(PyList list, PyObject iterable) {
        try {
            list.extend(iterable);
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR) && !iterable.type().isHeapType() && !(iterable instanceof PyList)
                    && !(iterable instanceof PyTuple)) {
                e.release();
                throw Errors.typeError("Value after * must be an iterable, not " + iterable.typeName());
            }
            throw e;
        }
    }

    /** BUILD_MAP: {@code n} key/value pairs. */
    static int buildMap(PyObject[] s, int sp, int n) {
        PyDict d = PyDict.create(n);
        int base = sp - 2 * n;
        try {
            for (int i = 0; i < n; i++) {
                d.setItem(s[base + 2 * i], s[base + 2 * i + 1]);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(d);
            throw e;
        }
        for (int i = sp - 1; i >= base; i--) {
            PyObject v = s[i];
            s[i] = null;
            Refs.decref(v);
        }
        s[base] = d;
        return base + 1;
    }

    /** BUILD_CONST_KEY_MAP: {@code n} values, then a tuple of keys. */
    static int buildConstKeyMap(PyObject[] s, int sp, int n) {
        PyTuple keys = (PyTuple) s[sp - 1];
        int base = sp - 1 - n;
        PyDict d = PyDict.create(n);
        try {
            for (int i = 0; i < n; i++) {
                d.setItem(keys.get(i), s[base + i]);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(d);
            throw e;
        }
        for (int i = sp - 1; i >= base; i--) {
            PyObject v = s[i];
            s[i] = null;
            Refs.decref(v);
        }
        s[base] = d;
        return base + 1;
    }

    /** DICT_UPDATE: {@code {**x}}. */
    static void dictUpdate(PyDict target, PyObject other) {
        if (other instanceof PyDict d) {
            target.updateFrom(d);
            return;
        }
        throw Errors.typeError("'" + other.typeName() + "' object is not a mapping");
    }

    /** DICT_MERGE: {@code f(**x)}, where a repeated keyword is an error. */
    static void dictMerge(PyDict target, PyObject other, PyObject callable) {
        if (!(other instanceof PyDict d)) {
            throw Errors.typeError(Calls.functionName(callable) + " argument after ** must be a mapping, not "
                    + other.typeName());
        }
        List<MapStorage.Entry<PyObject, PyObject>> entries = d.entryList();
        try {
            for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                if (!(e.key() instanceof PyStr key)) {
                    throw Errors.typeError(Calls.functionName(callable) + " keywords must be strings");
                }
                if (target.contains(key)) {
                    throw Errors.typeError(Calls.functionName(callable) + " got multiple values for keyword argument '"
                            + key.value() + "'");
                }
                target.setItem(key, e.value());
            }
        } finally {
            PyDict.release(entries);
        }
    }

    /** FORMAT_VALUE: applies a conversion and a format spec. */
    static int formatValue(PyObject[] s, int sp, int flags) {
        boolean haveSpec = (flags & Opcode.FVS_HAVE_SPEC) != 0;
        PyObject spec = haveSpec ? s[sp - 1] : null;
        PyObject value = s[sp - (haveSpec ? 2 : 1)];
        String text;
        switch (flags & Opcode.FVC_MASK) {
            case Opcode.FVC_STR:
                text = value.str();
                break;
            case Opcode.FVC_REPR:
                text = value.repr();
                break;
            case Opcode.FVC_ASCII:
                text = Ascii.ascii(value.repr());
                break;
            default:
                text = null;
                break;
        }
        String specText = spec == null ? "" : ((PyStr) spec).value();
        PyObject result;
        if (text != null) {
            result = PyStr.of(dev.interlock.vm.ops.Formatter.formatString(text, specText));
        } else if (value instanceof PyStr str && specText.isEmpty()) {
            result = Refs.newRef(str);
        } else {
            result = PyStr.of(value.format(specText));
        }
        int n = haveSpec ? 2 : 1;
        for (int i = 0; i < n; i++) {
            PyObject v = s[--sp];
            s[sp] = null;
            Refs.decref(v);
        }
        s[sp++] = result;
        return sp;
    }

    /** PRINT_EXPR: the interactive echo of an expression's value, stored as {@code builtins._}. */
    static void printExpr(Interpreter interpreter, PyObject value) {
        if (value == PyNone.INSTANCE) {
            return;
        }
        interpreter.builtins().dict().setItem("_", value);
        interpreter.stdout().println(value.repr());
        interpreter.stdout().flush();
    }
}
