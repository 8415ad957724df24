package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.BinaryOp;

/** {@code bool}: a subclass of int with exactly two immortal instances. */
public final class PyBool extends PyInt {

    public static final PyType TYPE = PyType.builtin("bool", PyInt.TYPE).finalType()
            .doc("Returns True when the argument is true, False otherwise.")
            .constructor((t, args, start, nargs, kw) -> {
                if (kw != null && kw.size() > 0) {
                    throw Errors.typeError("bool() takes no keyword arguments");
                }
                BuiltinDef.checkPositional("bool", nargs, 0, 1);
                return nargs == 0 ? PyBool.FALSE : PyBool.of(args[start].isTrue());
            })
            .build();

    public static final PyBool TRUE = new PyBool(1);
    public static final PyBool FALSE = new PyBool(0);

    private PyBool(long value) {
        super(value, null);
        makeStaticImmortal();
    }

    /** {@code True} or {@code False}. */
    public static PyBool of(boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String repr() {
        return value != 0 ? "True" : "False";
    }

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (other instanceof PyBool o) {
            switch (op) {
                case AND:
                    return of((value & o.value) != 0);
                case OR:
                    return of((value | o.value) != 0);
                case XOR:
                    return of((value ^ o.value) != 0);
                default:
                    break;
            }
        }
        return super.binaryOp(op, other);
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (other instanceof PyBool) {
            return ((PyBool) other).binaryOp(op, this);
        }
        return super.reflectedBinaryOp(op, other);
    }
}
