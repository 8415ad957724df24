package dev.interlock.vm.compiler;

import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.ast.Operator;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyEllipsis;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.UnaryOp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Compile-time constants: converting AST literal values to Python objects and back, and folding
 * operations on constants as CPython's AST optimizer does ({@code Python/ast_opt.c}): {@code -1},
 * {@code 2**10}, {@code "a" * 3}, tuples of constants. A fold happens only when evaluating at
 * run time could not differ: an operation that would raise, or make a huge result, is left for
 * run time, as CPython does.
 */
final class Constants {

    private static final int MAX_INT_BITS = 128;
    private static final int MAX_COLLECTION_SIZE = 256;
    private static final int MAX_STR_SIZE = 4096;

    private Constants() {
    }

    /** A new Python object for an AST constant value (see {@link Expr.Constant}). */
    static PyObject toPy(Object v) {
        if (v == Expr.Constant.NONE) {
            return PyNone.INSTANCE;
        }
        if (v == Expr.Constant.ELLIPSIS) {
            return PyEllipsis.INSTANCE;
        }
        if (v instanceof Boolean b) {
            return PyBool.of(b);
        }
        if (v instanceof Long l) {
            return PyInt.of(l);
        }
        if (v instanceof BigInteger b) {
            return PyInt.of(b);
        }
        if (v instanceof Double d) {
            return PyFloat.of(d);
        }
        if (v instanceof String s) {
            return PyStr.of(s);
        }
        if (v instanceof ConstKeys.FrozenSet fs) {
            PyObject items = toPy(fs.items());
            try {
                return dev.interlock.vm.objects.PyFrozenSet.fromIterable(items);
            } finally {
                Refs.decref(items);
            }
        }
        if (v instanceof List<?> items) {
            PyObject[] out = new PyObject[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = toPy(items.get(i));
            }
            return PyTuple.steal(out);
        }
        throw new IllegalArgumentException("not a constant: " + v);
    }

    /** The AST constant value of a Python constant object, or null if it has none. */
    static Object fromPy(PyObject o) {
        if (o == PyNone.INSTANCE) {
            return Expr.Constant.NONE;
        }
        if (o == PyEllipsis.INSTANCE) {
            return Expr.Constant.ELLIPSIS;
        }
        if (o instanceof PyBool b) {
            return b == PyBool.TRUE;
        }
        if (o instanceof PyInt i) {
            return i.isSmall() ? (Object) i.longValue() : i.bigValue();
        }
        if (o instanceof PyFloat f) {
            return f.value();
        }
        if (o instanceof PyStr s) {
            return s.value();
        }
        if (o instanceof PyTuple t) {
            List<Object> out = new ArrayList<>();
            for (PyObject x : t.array()) {
                Object v = fromPy(x);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        return null;
    }

    /** The constant value of an expression after folding, or null if it is not constant. */
    static Object fold(Expr e) {
        if (e instanceof Expr.Constant c) {
            return c.value();
        }
        if (e instanceof Expr.UnaryOp u && u.op() != Expr.UnaryKind.NOT) {
            Object v = fold(u.operand());
            if (!(v instanceof Long || v instanceof BigInteger || v instanceof Double || v instanceof Boolean)) {
                return null;
            }
            UnaryOp op = u.op() == Expr.UnaryKind.USUB ? UnaryOp.NEGATIVE
                    : u.op() == Expr.UnaryKind.UADD ? UnaryOp.POSITIVE : UnaryOp.INVERT;
            if (v instanceof Double && op == UnaryOp.INVERT) {
                return null;
            }
            return evaluate(v, null, op, null);
        }
        if (e instanceof Expr.BinOp b) {
            Object l = fold(b.left());
            if (l == null) {
                return null;
            }
            Object r = fold(b.right());
            if (r == null || !safe(l, b.op(), r)) {
                return null;
            }
            return evaluate(l, r, null, b.op());
        }
        if (e instanceof Expr.Tuple t && t.ctx() == Expr.Ctx.LOAD) {
            List<Object> out = new ArrayList<>();
            for (Expr x : t.elts()) {
                if (x instanceof Expr.Starred) {
                    return null;
                }
                Object v = fold(x);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        return null;
    }

    /** Refuses folds whose result could be large: CPython's {@code safe_*} checks. */
    private static boolean safe(Object l, Operator op, Object r) {
        boolean lNum = l instanceof Long || l instanceof BigInteger || l instanceof Boolean || l instanceof Double;
        boolean rNum = r instanceof Long || r instanceof BigInteger || r instanceof Boolean || r instanceof Double;
        switch (op) {
            case POW:
                if (isInt(l) && isInt(r)) {
                    BigInteger base = big(l);
                    BigInteger exp = big(r);
                    if (exp.signum() < 0) {
                        return true;
                    }
                    return base.bitLength() * exp.longValue() <= MAX_INT_BITS && exp.bitLength() < 32;
                }
                return lNum && rNum;
            case LSHIFT:
                if (isInt(l) && isInt(r)) {
                    BigInteger s = big(r);
                    return s.signum() >= 0 && s.compareTo(BigInteger.valueOf(MAX_INT_BITS)) <= 0
                            && big(l).bitLength() + s.longValue() <= MAX_INT_BITS;
                }
                return false;
            case MULT:
                if (isInt(l) && isInt(r)) {
                    return big(l).bitLength() + big(r).bitLength() <= MAX_INT_BITS;
                }
                if (l instanceof String s && isInt(r)) {
                    return big(r).signum() <= 0 || (long) s.length() * big(r).longValue() <= MAX_STR_SIZE;
                }
                if (r instanceof String s && isInt(l)) {
                    return big(l).signum() <= 0 || (long) s.length() * big(l).longValue() <= MAX_STR_SIZE;
                }
                if (l instanceof List<?> t && isInt(r)) {
                    return big(r).signum() <= 0 || (long) t.size() * big(r).longValue() <= MAX_COLLECTION_SIZE;
                }
                if (r instanceof List<?> t && isInt(l)) {
                    return big(l).signum() <= 0 || (long) t.size() * big(l).longValue() <= MAX_COLLECTION_SIZE;
                }
                return lNum && rNum;
            case MOD:
                return lNum && rNum; // '%' on a string is formatting: leave it to run time
            case ADD:
                if (l instanceof String a && r instanceof String b) {
                    return a.length() + b.length() <= MAX_STR_SIZE;
                }
                if (l instanceof List<?> a && r instanceof List<?> b) {
                    return a.size() + b.size() <= MAX_COLLECTION_SIZE;
                }
                return lNum && rNum;
            case MATMULT:
                return false;
            default:
                return lNum && rNum;
        }
    }

    private static boolean isInt(Object o) {
        return o instanceof Long || o instanceof BigInteger || o instanceof Boolean;
    }

    private static BigInteger big(Object o) {
        if (o instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return o instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) o;
    }

    /**
     * Evaluates with run-time semantics; null if evaluation raises, or needs a feature Interlock
     * lacks (such as a complex result), so that run time reports it when the code runs.
     */
    private static Object evaluate(Object l, Object r, UnaryOp unary, Operator op) {
        PyObject a = toPy(l);
        PyObject b = r == null ? null : toPy(r);
        PyObject result = null;
        try {
            result = unary != null ? Arithmetic.unary(unary, a) : Arithmetic.binary(op.binaryOp(), a, b);
            return fromPy(result);
        } catch (PyException ex) {
            ex.release();
            return null;
        } catch (dev.interlock.vm.errors.NotSupportedError ex) {
            return null;
        } finally {
            Refs.decref(a);
            if (b != null) {
                Refs.decref(b);
            }
            if (result != null) {
                Refs.decref(result);
            }
        }
    }
}
