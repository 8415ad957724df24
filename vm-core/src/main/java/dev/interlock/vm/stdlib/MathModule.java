package dev.interlock.vm.stdlib;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.Iteration;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.SpecialMethods;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * CPython 3.11's {@code math} module ({@code Modules/mathmodule.c}): the same functions, the same
 * special values and the same errors. The floating-point kernels are in {@link MathFunctions}.
 *
 * <p>Argument errors follow each function's calling convention in CPython: {@code METH_O}
 * functions say {@code math.sqrt() takes exactly one argument (0 given)}, {@code METH_FASTCALL}
 * ones {@code atan2 expected 2 arguments, got 1}, and {@code isclose} and {@code prod} parse
 * keywords as the argument clinic does.
 */
public final class MathModule implements NativeModule {

    private static final String MODULE = "math";

    private static final double DEG_TO_RAD = Math.PI / 180.0;
    private static final double RAD_TO_DEG = 180.0 / Math.PI;

    @Override
    public String name() {
        return MODULE;
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule(MODULE, d);
        Refs.decref(d);
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, MODULE));
        }
        d.setItemSteal("pi", PyFloat.of(Math.PI));
        d.setItemSteal("e", PyFloat.of(Math.E));
        d.setItemSteal("tau", PyFloat.of(2 * Math.PI));
        d.setItemSteal("inf", PyFloat.of(Double.POSITIVE_INFINITY));
        d.setItemSteal("nan", PyFloat.of(Double.NaN));
        return module;
    }

    private static List<BuiltinDef> functions() {
        List<BuiltinDef> f = new ArrayList<>();
        // math_1: NaN from a non-NaN is a domain error; an infinity from a finite argument is a
        // range error where the function can overflow, else a domain error (a singularity).
        f.add(math1("acos", MathFunctions::acos, false));
        f.add(math1("acosh", MathFunctions::acosh, false));
        f.add(math1("asin", MathFunctions::asin, false));
        f.add(math1("asinh", MathFunctions::asinh, false));
        f.add(math1("atan", MathFunctions::atan, false));
        f.add(math1("atanh", MathFunctions::atanh, false));
        f.add(math1("cbrt", MathFunctions::cbrt, false));
        f.add(math1("cos", MathFunctions::cos, false));
        f.add(math1("cosh", MathFunctions::cosh, true));
        f.add(math1("exp", MathFunctions::exp, true));
        f.add(math1("exp2", MathFunctions::exp2, true));
        f.add(math1("expm1", MathFunctions::expm1, true));
        f.add(math1("fabs", Math::abs, false));
        f.add(math1("log1p", MathFunctions::log1p, false));
        f.add(math1("sin", MathFunctions::sin, false));
        f.add(math1("sinh", MathFunctions::sinh, true));
        f.add(math1("sqrt", Math::sqrt, false));
        f.add(math1("tan", MathFunctions::tan, false));
        f.add(math1("tanh", MathFunctions::tanh, false));
        f.add(unary("erf", x -> PyFloat.of(MathFunctions.erf(toDouble(x)))));
        f.add(unary("erfc", x -> PyFloat.of(MathFunctions.erfc(toDouble(x)))));
        f.add(unary("gamma", MathModule::gamma));
        f.add(unary("lgamma", MathModule::lgamma));
        f.add(unary("degrees", x -> PyFloat.of(toDouble(x) * RAD_TO_DEG)));
        f.add(unary("radians", x -> PyFloat.of(toDouble(x) * DEG_TO_RAD)));
        f.add(unary("isfinite", x -> PyBool.of(Double.isFinite(toDouble(x)))));
        f.add(unary("isinf", x -> PyBool.of(Double.isInfinite(toDouble(x)))));
        f.add(unary("isnan", x -> PyBool.of(Double.isNaN(toDouble(x)))));
        f.add(unary("ceil", x -> rounded(x, "__ceil__", true)));
        f.add(unary("floor", x -> rounded(x, "__floor__", false)));
        f.add(unary("trunc", MathModule::trunc));
        f.add(unary("frexp", MathModule::frexp));
        f.add(unary("modf", MathModule::modf));
        f.add(unary("ulp", x -> PyFloat.of(ulp(toDouble(x)))));
        f.add(unary("log2", x -> logHelper(x, MathFunctions::log2)));
        f.add(unary("log10", x -> logHelper(x, MathFunctions::log10)));
        f.add(unary("fsum", MathModule::fsum));
        f.add(unary("isqrt", MathModule::isqrt));
        f.add(unary("factorial", MathModule::factorial));
        // math_2 and the other two-argument functions.
        f.add(math2("atan2", MathFunctions::atan2));
        f.add(math2("copysign", Math::copySign));
        f.add(math2("remainder", Math::IEEEremainder));
        f.add(fastcall("fmod", 2, 2, (a, s, n) -> fmod(toDouble(a[s]), toDouble(a[s + 1]))));
        f.add(fastcall("pow", 2, 2, (a, s, n) -> pow(toDouble(a[s]), toDouble(a[s + 1]))));
        f.add(fastcall("nextafter", 2, 2, (a, s, n) -> PyFloat.of(Math.nextAfter(toDouble(a[s]), toDouble(a[s + 1])))));
        f.add(fastcall("ldexp", 2, 2, (a, s, n) -> ldexp(a[s], a[s + 1])));
        f.add(fastcall("dist", 2, 2, (a, s, n) -> dist(a[s], a[s + 1])));
        f.add(fastcall("comb", 2, 2, (a, s, n) -> comb(a[s], a[s + 1])));
        f.add(fastcall("perm", 1, 2, (a, s, n) -> perm(a[s], n == 2 ? a[s + 1] : PyNone.INSTANCE)));
        f.add(fastcall("gcd", 0, Integer.MAX_VALUE, MathModule::gcd));
        f.add(fastcall("lcm", 0, Integer.MAX_VALUE, MathModule::lcm));
        f.add(fastcall("hypot", 0, Integer.MAX_VALUE, MathModule::hypot));
        f.add(BuiltinDef.keywords("log", MathModule::log));
        f.add(BuiltinDef.keywords("isclose", MathModule::isclose));
        f.add(BuiltinDef.keywords("prod", MathModule::prod));
        return f;
    }

    // ------------------------------------------------------------------ calling conventions

    /** The code of a function taking a slice of positional arguments. */
    @FunctionalInterface
    private interface Positional {
        PyObject call(PyObject[] args, int start, int nargs);
    }

    /** The code of a function of one argument. */
    @FunctionalInterface
    private interface Unary {
        PyObject call(PyObject x);
    }

    private static PyException noKeywords(String name) {
        return Errors.typeError(MODULE + "." + name + "() takes no keyword arguments");
    }

    /** A {@code METH_O} function: {@code math.NAME() takes exactly one argument (N given)}. */
    private static BuiltinDef unary(String name, Unary fn) {
        return BuiltinDef.keywords(name, (self, a, s, n, kw) -> {
            if (kw != null && kw.size() > 0) {
                throw noKeywords(name);
            }
            if (n != 1) {
                throw Errors.typeError(MODULE + "." + name + "() takes exactly one argument (" + n + " given)");
            }
            return fn.call(a[s]);
        });
    }

    /** A {@code METH_FASTCALL} function checked as {@code _PyArg_CheckPositional}. */
    private static BuiltinDef fastcall(String name, int min, int max, Positional fn) {
        return BuiltinDef.keywords(name, (self, a, s, n, kw) -> {
            if (kw != null && kw.size() > 0) {
                throw noKeywords(name);
            }
            BuiltinDef.checkPositional(name, n, min, max);
            return fn.call(a, s, n);
        });
    }

    /** CPython's {@code math_1}. */
    private static BuiltinDef math1(String name, DoubleUnaryOperator fn, boolean canOverflow) {
        return unary(name, arg -> {
            double x = toDouble(arg);
            double r = fn.applyAsDouble(x);
            if (Double.isNaN(r) && !Double.isNaN(x)) {
                throw domainError();
            }
            if (Double.isInfinite(r) && Double.isFinite(x)) {
                throw canOverflow ? rangeError() : domainError();
            }
            return PyFloat.of(r);
        });
    }

    /** CPython's {@code math_2}. */
    private static BuiltinDef math2(String name, DoubleBinaryOperator fn) {
        return fastcall(name, 2, 2, (a, s, n) -> {
            double x = toDouble(a[s]);
            double y = toDouble(a[s + 1]);
            double r = fn.applyAsDouble(x, y);
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) {
                throw domainError();
            }
            if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
                throw rangeError();
            }
            return PyFloat.of(r);
        });
    }

    /**
     * CPython's {@code _PyArg_UnpackKeywords}: the parameters as borrowed references in
     * declaration order (positional-only, then the named ones), null where not given.
     */
    static PyObject[] unpackKeywords(String fname, PyObject[] args, int start, int nargs, PyTuple kwnames,
            int posonly, String[] names, int minpos, int maxpos, int minkw) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        int maxargs = posonly + names.length;
        int reqlimit = minkw != 0 ? maxpos + minkw : minpos;
        int minposonly = Math.min(posonly, minpos);
        PyObject[] buf = new PyObject[maxargs];
        if (nkw == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos) {
            System.arraycopy(args, start, buf, 0, nargs);
            return buf;
        }
        if (nargs + nkw > maxargs) {
            throw Errors.typeError(fname + "() takes at most " + maxargs + " " + (nargs == 0 ? "keyword " : "")
                    + "argument" + (maxargs == 1 ? "" : "s") + " (" + (nargs + nkw) + " given)");
        }
        if (nargs > maxpos) {
            if (maxpos == 0) {
                throw Errors.typeError(fname + "() takes no positional arguments");
            }
            throw Errors.typeError(fname + "() takes " + (minpos < maxpos ? "at most" : "exactly") + " " + maxpos
                    + " positional argument" + (maxpos == 1 ? "" : "s") + " (" + nargs + " given)");
        }
        if (nargs < minposonly) {
            throw Errors.typeError(fname + "() takes " + (minposonly < maxpos ? "at least" : "exactly") + " "
                    + minposonly + " positional argument" + (minposonly == 1 ? "" : "s") + " (" + nargs + " given)");
        }
        System.arraycopy(args, start, buf, 0, nargs);
        int remaining = nkw;
        for (int i = Math.max(nargs, posonly); i < maxargs; i++) {
            PyObject current;
            if (remaining > 0) {
                current = findKeyword(kwnames, args, start + nargs, names[i - posonly]);
            } else if (i >= reqlimit) {
                break;
            } else {
                current = null;
            }
            buf[i] = current;
            if (current != null) {
                remaining--;
            } else if (i < minpos || (maxpos <= i && i < reqlimit)) {
                throw Errors.typeError(fname + "() missing required argument '" + names[i - posonly] + "' (pos "
                        + (i + 1) + ")");
            }
        }
        if (remaining > 0) {
            for (int i = posonly; i < nargs; i++) {
                if (findKeyword(kwnames, args, start + nargs, names[i - posonly]) != null) {
                    throw Errors.typeError("argument for " + fname + "() given by name ('" + names[i - posonly]
                            + "') and position (" + (i + 1) + ")");
                }
            }
            for (int k = 0; k < nkw; k++) {
                String keyword = ((PyStr) kwnames.get(k)).value();
                if (!List.of(names).contains(keyword)) {
                    throw Errors.typeError("'" + keyword + "' is an invalid keyword argument for " + fname + "()");
                }
            }
            throw Errors.typeError("invalid keyword argument for " + fname + "()");
        }
        return buf;
    }

    private static PyObject findKeyword(PyTuple kwnames, PyObject[] args, int kwstart, String name) {
        for (int k = 0; k < kwnames.size(); k++) {
            if (((PyStr) kwnames.get(k)).value().equals(name)) {
                return args[kwstart + k];
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ conversions and errors

    static PyException domainError() {
        return Errors.valueError("math domain error");
    }

    static PyException rangeError() {
        return Errors.overflowError("math range error");
    }

    /**
     * {@code PyFloat_AsDouble}: a float's value, an int's nearest float (OverflowError "int too
     * large to convert to float"), or {@code __float__} / {@code __index__} for other types.
     */
    static double toDouble(PyObject o) {
        if (o instanceof PyFloat f) {
            return f.value();
        }
        if (o instanceof PyInt i) {
            return i.toDouble();
        }
        PyObject method = SpecialMethods.lookup(o, "__float__");
        if (method != null) {
            PyObject r;
            try {
                r = method.call(new PyObject[] {o}, 0, 1, null);
            } finally {
                Refs.decref(method);
            }
            try {
                if (!(r instanceof PyFloat f)) {
                    throw Errors.typeError(o.typeName() + ".__float__ returned non-float (type " + r.typeName() + ")");
                }
                return f.value();
            } finally {
                Refs.decref(r);
            }
        }
        method = SpecialMethods.lookup(o, "__index__");
        if (method != null) {
            Refs.decref(method);
            PyInt i = o.asIndex();
            try {
                return i.toDouble();
            } finally {
                Refs.decref(i);
            }
        }
        throw Errors.typeError("must be real number, not " + o.typeName());
    }

    /** {@code operator.index(o)} as a BigInteger. */
    private static BigInteger index(PyObject o) {
        PyInt i = o.asIndex();
        try {
            return i.bigValue();
        } finally {
            Refs.decref(i);
        }
    }

    // ------------------------------------------------------------------ rounding to integers

    /** {@code floor} and {@code ceil}: floats directly, otherwise the special method, else a float. */
    private static PyObject rounded(PyObject x, String special, boolean up) {
        double v;
        if (x instanceof PyFloat f) {
            v = f.value();
        } else {
            if (x instanceof PyInt i) {
                return i.asIndex(); // int.__floor__ and int.__ceil__ give the int itself
            }
            PyObject method = SpecialMethods.lookup(x, special);
            if (method != null) {
                try {
                    return method.call(new PyObject[] {x}, 0, 1, null);
                } finally {
                    Refs.decref(method);
                }
            }
            v = toDouble(x);
        }
        return PyFloat.truncate(up ? Math.ceil(v) : Math.floor(v));
    }

    private static PyObject trunc(PyObject x) {
        if (x instanceof PyFloat f) {
            return PyFloat.truncate(f.value());
        }
        if (x instanceof PyInt i) {
            return i.asIndex();
        }
        return SpecialMethods.callUnary(x, "__trunc__", "type " + x.typeName() + " doesn't define __trunc__ method");
    }

    // ------------------------------------------------------------------ float functions

    private static PyObject gamma(PyObject arg) {
        double x = toDouble(arg);
        double r = MathFunctions.gamma(x);
        if (Double.isNaN(r) && !Double.isNaN(x) || x == 0.0) {
            throw domainError(); // a pole or -inf
        }
        if (Double.isInfinite(r) && Double.isFinite(x)) {
            throw rangeError();
        }
        return PyFloat.of(r);
    }

    private static PyObject lgamma(PyObject arg) {
        double x = toDouble(arg);
        if (x == Math.floor(x) && x <= 0.0 && Double.isFinite(x)) {
            throw domainError(); // a pole
        }
        double r = MathFunctions.lgamma(x);
        if (Double.isInfinite(r) && Double.isFinite(x)) {
            throw rangeError();
        }
        return PyFloat.of(r);
    }

    private static PyObject frexp(PyObject arg) {
        double x = toDouble(arg);
        int e = 0;
        if (!Double.isNaN(x) && !Double.isInfinite(x) && x != 0.0) {
            e = MathFunctions.ilogb(x) + 1;
            x = Math.scalb(x, -e);
        }
        return PyTuple.steal(new PyObject[] {PyFloat.of(x), PyInt.of(e)});
    }

    private static PyObject modf(PyObject arg) {
        double x = toDouble(arg);
        double whole;
        double frac;
        if (Double.isInfinite(x)) {
            whole = x;
            frac = Math.copySign(0.0, x);
        } else if (Double.isNaN(x)) {
            whole = x;
            frac = x;
        } else {
            whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            frac = Math.copySign(x - whole, x);
        }
        return PyTuple.steal(new PyObject[] {PyFloat.of(frac), PyFloat.of(whole)});
    }

    private static double ulp(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        x = Math.abs(x);
        if (Double.isInfinite(x)) {
            return x;
        }
        double next = Math.nextUp(x);
        if (Double.isInfinite(next)) {
            return x - Math.nextDown(x);
        }
        return next - x;
    }

    private static PyObject fmod(double x, double y) {
        if (Double.isInfinite(y) && Double.isFinite(x)) {
            return PyFloat.of(x);
        }
        double r = x % y; // Java's remainder is C's fmod: exact, with the sign of x
        if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) {
            throw domainError();
        }
        return PyFloat.of(r);
    }

    /** {@code math.pow}: CPython deals with the IEEE special values itself, then calls libm. */
    private static PyObject pow(double x, double y) {
        double r;
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            if (Double.isNaN(x)) {
                r = y == 0.0 ? 1.0 : x;
            } else if (Double.isNaN(y)) {
                r = x == 1.0 ? 1.0 : y;
            } else if (Double.isInfinite(x)) {
                boolean oddY = Double.isFinite(y) && Math.abs(y) % 2.0 == 1.0;
                if (y > 0.0) {
                    r = oddY ? x : Math.abs(x);
                } else if (y == 0.0) {
                    r = 1.0;
                } else {
                    r = oddY ? Math.copySign(0.0, x) : 0.0;
                }
            } else if (Math.abs(x) == 1.0) {
                r = 1.0;
            } else if (y > 0.0 && Math.abs(x) > 1.0) {
                r = y;
            } else if (y < 0.0 && Math.abs(x) < 1.0) {
                r = -y;
            } else {
                r = 0.0;
            }
            return PyFloat.of(r);
        }
        r = MathFunctions.pow(x, y);
        if (Double.isNaN(r)) {
            throw domainError(); // a negative number to a non-integer power
        }
        if (Double.isInfinite(r)) {
            throw x == 0.0 ? domainError() : rangeError();
        }
        return PyFloat.of(r);
    }

    private static PyObject ldexp(PyObject xArg, PyObject iArg) {
        double x = toDouble(xArg);
        if (!(iArg instanceof PyInt i)) {
            throw Errors.typeError("Expected an int as second argument to ldexp.");
        }
        long exp;
        if (i.isSmall()) {
            exp = i.longValue();
        } else {
            exp = i.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        double r;
        if (x == 0.0 || !Double.isFinite(x)) {
            r = x;
        } else if (exp > Integer.MAX_VALUE) {
            throw rangeError();
        } else if (exp < Integer.MIN_VALUE) {
            r = Math.copySign(0.0, x);
        } else {
            r = Math.scalb(x, (int) exp);
            if (Double.isInfinite(r)) {
                throw rangeError();
            }
        }
        return PyFloat.of(r);
    }

    // ------------------------------------------------------------------ logarithms

    /**
     * CPython's {@code loghelper}: ints are handled exactly enough even beyond the float range
     * (log(x) = log(m) + e log(2) with x = m 2**e), everything else goes through {@code math_1}.
     */
    private static PyObject logHelper(PyObject arg, DoubleUnaryOperator fn) {
        return PyFloat.of(logValue(arg, fn));
    }

    private static double logValue(PyObject arg, DoubleUnaryOperator fn) {
        if (arg instanceof PyInt i) {
            if (i.signum() <= 0) {
                throw domainError();
            }
            if (i.isSmall()) {
                return fn.applyAsDouble(i.toDouble());
            }
            BigInteger v = i.bigValue();
            double d = v.doubleValue(); // correctly rounded, as PyLong_AsDouble
            if (Double.isInfinite(d)) {
                int bits = v.bitLength();
                // The top 62 bits with a sticky bit below: the long-to-double conversion rounds
                // them half to even, exactly as the whole integer would round.
                long top = v.shiftRight(bits - 62).longValue();
                if (v.getLowestSetBit() < bits - 62) {
                    top |= 1;
                }
                double m = Math.scalb((double) top, -62); // in [0.5, 1]
                long e = bits;
                if (m == 1.0) {
                    m = 0.5;
                    e++;
                }
                return fn.applyAsDouble(m) + fn.applyAsDouble(2.0) * e;
            }
            return fn.applyAsDouble(d);
        }
        double x = toDouble(arg);
        double r = fn.applyAsDouble(x);
        if (Double.isNaN(r) && !Double.isNaN(x) || Double.isInfinite(r) && Double.isFinite(x)) {
            throw domainError();
        }
        return r;
    }

    /** {@code math.log(x[, base])}. */
    private static PyObject log(PyObject self, PyObject[] a, int s, int n, PyTuple kw) {
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError("log() takes no keyword arguments");
        }
        if (n < 1 || n > 2) {
            throw Errors.typeError("math.log requires 1 to 2 arguments");
        }
        double num = logValue(a[s], MathFunctions::log);
        if (n == 1) {
            return PyFloat.of(num);
        }
        double den = logValue(a[s + 1], MathFunctions::log);
        return PyFloat.arith(BinaryOp.TRUEDIV, num, den);
    }

    // ------------------------------------------------------------------ comparisons

    private static final String[] ISCLOSE_NAMES = {"a", "b", "rel_tol", "abs_tol"};

    /** {@code isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)}. */
    private static PyObject isclose(PyObject self, PyObject[] args, int s, int n, PyTuple kw) {
        PyObject[] p = unpackKeywords("isclose", args, s, n, kw, 0, ISCLOSE_NAMES, 2, 2, 0);
        double a = toDouble(p[0]);
        double b = toDouble(p[1]);
        double relTol = p[2] == null ? 1e-09 : toDouble(p[2]);
        double absTol = p[3] == null ? 0.0 : toDouble(p[3]);
        if (relTol < 0.0 || absTol < 0.0) {
            throw Errors.valueError("tolerances must be non-negative");
        }
        if (a == b) {
            return PyBool.TRUE;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return PyBool.FALSE;
        }
        double diff = Math.abs(b - a);
        return PyBool.of(diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol);
    }

    // ------------------------------------------------------------------ sums, products and norms

    /**
     * {@code fsum}: Shewchuk's exact partial sums (Hettinger's msum recipe with Dickinson's
     * correctly rounded finish), so the result is the exact sum rounded once, half to even.
     */
    private static PyObject fsum(PyObject seq) {
        double[] p = new double[32];
        int n = 0;
        double specialSum = 0.0;
        double infSum = 0.0;
        PyObject it = seq.iter();
        try {
            for (PyObject item = it.next(); item != null; item = it.next()) {
                double x;
                try {
                    x = toDouble(item);
                } finally {
                    Refs.decref(item);
                }
                double xsave = x;
                int i = 0;
                for (int j = 0; j < n; j++) {
                    double y = p[j];
                    if (Math.abs(x) < Math.abs(y)) {
                        double t = x;
                        x = y;
                        y = t;
                    }
                    double hi = x + y;
                    double lo = y - (hi - x);
                    if (lo != 0.0) {
                        p[i++] = lo;
                    }
                    x = hi;
                }
                n = i;
                if (x != 0.0) {
                    if (!Double.isFinite(x)) {
                        // From an infinity or a NaN among the items, or from an intermediate overflow.
                        if (Double.isFinite(xsave)) {
                            throw Errors.overflowError("intermediate overflow in fsum");
                        }
                        if (Double.isInfinite(xsave)) {
                            infSum += xsave;
                        }
                        specialSum += xsave;
                        n = 0;
                    } else {
                        if (n == p.length) {
                            p = Arrays.copyOf(p, 2 * n);
                        }
                        p[n++] = x;
                    }
                }
            }
        } finally {
            Refs.decref(it);
        }
        if (specialSum != 0.0) {
            if (Double.isNaN(infSum)) {
                throw Errors.valueError("-inf + inf in fsum");
            }
            return PyFloat.of(specialSum);
        }
        double hi = 0.0;
        if (n > 0) {
            hi = p[--n];
            double lo = 0.0;
            // Add the partials from the top, stopping when the sum becomes inexact.
            while (n > 0) {
                double x = hi;
                double y = p[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) {
                    break;
                }
            }
            // Round half to even across partials: if the next partial pushes the same way as
            // the remainder, the tie is not a tie.
            if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) {
                    hi = x;
                }
            }
        }
        return PyFloat.of(hi);
    }

    /** {@code prod(iterable, /, *, start=1)}: plain multiplication from the left. */
    private static PyObject prod(PyObject self, PyObject[] args, int s, int n, PyTuple kw) {
        PyObject[] p = unpackKeywords("prod", args, s, n, kw, 1, new String[] {"start"}, 1, 1, 0);
        PyObject it = p[0].iter();
        PyObject result = p[1] == null ? PyInt.ONE : Refs.newRef(p[1]);
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                try {
                    PyObject r = Arithmetic.binary(BinaryOp.MUL, result, x);
                    Refs.decref(result);
                    result = r;
                } finally {
                    Refs.decref(x);
                }
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(result);
            throw e;
        } finally {
            Refs.decref(it);
        }
        return result;
    }

    private static PyObject hypot(PyObject[] a, int s, int n) {
        double[] coords = new double[n];
        double max = 0.0;
        boolean foundNan = false;
        for (int i = 0; i < n; i++) {
            double x = Math.abs(toDouble(a[s + i]));
            coords[i] = x;
            foundNan |= Double.isNaN(x);
            if (x > max) {
                max = x;
            }
        }
        return PyFloat.of(vectorNorm(coords, max, foundNan));
    }

    private static PyObject dist(PyObject pArg, PyObject qArg) {
        PyObject[] p = Iteration.toArray(pArg);
        try {
            PyObject[] q = Iteration.toArray(qArg);
            try {
                if (p.length != q.length) {
                    throw Errors.valueError("both points must have the same number of dimensions");
                }
                double[] diffs = new double[p.length];
                double max = 0.0;
                boolean foundNan = false;
                for (int i = 0; i < p.length; i++) {
                    double px = toDouble(p[i]);
                    double qx = toDouble(q[i]);
                    double x = Math.abs(px - qx);
                    diffs[i] = x;
                    foundNan |= Double.isNaN(x);
                    if (x > max) {
                        max = x;
                    }
                }
                return PyFloat.of(vectorNorm(diffs, max, foundNan));
            } finally {
                Refs.decrefAll(q);
            }
        } finally {
            Refs.decrefAll(p);
        }
    }

    /**
     * The Euclidean norm as CPython's {@code vector_norm} computes it, so results agree bit for
     * bit: the coordinates are scaled by a power of two below the largest, squared exactly
     * (Veltkamp-Dekker split), summed with a compensated (Neumaier-style) sum started at 1.0, and
     * the square root gets one differential correction. {@code vec} holds absolute values.
     */
    static double vectorNorm(double[] vec, double max, boolean foundNan) {
        final double t27 = 134217729.0; // 2**27 + 1
        if (Double.isInfinite(max)) {
            return max;
        }
        if (foundNan) {
            return Double.NaN;
        }
        if (max == 0.0 || vec.length <= 1) {
            return max;
        }
        int maxE = MathFunctions.ilogb(max) + 1; // frexp's exponent
        double csum = 1.0;
        double frac1 = 0.0;
        double frac2 = 0.0;
        double frac3 = 0.0;
        if (maxE >= -1023) {
            double scale = Math.scalb(1.0, -maxE);
            for (double v : vec) {
                double x = v * scale;
                double t = x * t27;
                double hi = t - (t - x);
                double lo = x - hi;
                x = hi * hi;
                double oldcsum = csum;
                csum += x;
                frac1 += (oldcsum - csum) + x;
                x = 2.0 * hi * lo;
                oldcsum = csum;
                csum += x;
                frac2 += (oldcsum - csum) + x;
                frac3 += lo * lo;
            }
            double h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
            double x = h;
            double t = x * t27;
            double hi = t - (t - x);
            double lo = x - hi;
            x = -hi * hi;
            double oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = -2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            x = -lo * lo;
            oldcsum = csum;
            csum += x;
            frac3 += (oldcsum - csum) + x;
            x = csum - 1.0 + (frac1 + frac2 + frac3);
            return (h + x / (2.0 * h)) / scale;
        }
        // Below 2**-1023 the scale would overflow: divide by the largest coordinate instead.
        for (double v : vec) {
            double x = v / max;
            x = x * x;
            double oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
        }
        return max * Math.sqrt(csum - 1.0 + frac1);
    }

    // ------------------------------------------------------------------ integer functions

    private static PyObject gcd(PyObject[] a, int s, int n) {
        if (n == 0) {
            return PyInt.ZERO;
        }
        BigInteger g = index(a[s]).abs();
        for (int i = 1; i < n; i++) {
            BigInteger x = index(a[s + i]);
            if (!g.equals(BigInteger.ONE)) {
                g = g.gcd(x);
            }
        }
        return PyInt.of(g);
    }

    private static PyObject lcm(PyObject[] a, int s, int n) {
        if (n == 0) {
            return PyInt.ONE;
        }
        BigInteger l = index(a[s]).abs();
        for (int i = 1; i < n; i++) {
            BigInteger x = index(a[s + i]);
            if (l.signum() != 0) {
                l = x.signum() == 0 ? BigInteger.ZERO : l.divide(l.gcd(x)).multiply(x).abs();
            }
        }
        return PyInt.of(l);
    }

    private static PyObject isqrt(PyObject arg) {
        BigInteger n = index(arg);
        if (n.signum() < 0) {
            throw Errors.valueError("isqrt() argument must be nonnegative");
        }
        return PyInt.of(n.sqrt());
    }

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static PyObject factorial(PyObject arg) {
        BigInteger n = index(arg);
        if (n.signum() < 0) {
            throw Errors.valueError("factorial() not defined for negative values");
        }
        if (n.compareTo(LONG_MAX) > 0) {
            throw Errors.overflowError("factorial() argument should not exceed " + Long.MAX_VALUE);
        }
        return PyInt.of(rangeProduct(1, n.longValueExact()));
    }

    private static PyObject perm(PyObject nArg, PyObject kArg) {
        if (kArg == PyNone.INSTANCE) {
            return factorial(nArg);
        }
        BigInteger n = index(nArg);
        BigInteger k = index(kArg);
        if (n.signum() < 0) {
            throw Errors.valueError("n must be a non-negative integer");
        }
        if (k.signum() < 0) {
            throw Errors.valueError("k must be a non-negative integer");
        }
        if (n.compareTo(k) < 0) {
            return PyInt.ZERO;
        }
        if (k.compareTo(LONG_MAX) > 0) {
            throw Errors.overflowError("k must not exceed " + Long.MAX_VALUE);
        }
        // n (n-1) ... (n-k+1)
        return PyInt.of(product(n.subtract(k).add(BigInteger.ONE), k.longValueExact()));
    }

    private static PyObject comb(PyObject nArg, PyObject kArg) {
        BigInteger n = index(nArg);
        BigInteger k = index(kArg);
        if (n.signum() < 0) {
            throw Errors.valueError("n must be a non-negative integer");
        }
        if (k.signum() < 0) {
            throw Errors.valueError("k must be a non-negative integer");
        }
        BigInteger rest = n.subtract(k);
        if (rest.signum() < 0) {
            return PyInt.ZERO;
        }
        if (rest.compareTo(k) < 0) {
            k = rest;
        }
        if (k.compareTo(LONG_MAX) > 0) {
            throw Errors.overflowError("min(n - k, k) must not exceed " + Long.MAX_VALUE);
        }
        long kk = k.longValueExact();
        if (kk == 0) {
            return PyInt.ONE;
        }
        // n (n-1) ... (n-k+1) / k!
        BigInteger top = product(n.subtract(k).add(BigInteger.ONE), kk);
        return PyInt.of(top.divide(rangeProduct(1, kk)));
    }

    /** {@code lo * (lo+1) * ... * hi} by binary splitting (1 for an empty range). */
    private static BigInteger rangeProduct(long lo, long hi) {
        if (lo > hi) {
            return BigInteger.ONE;
        }
        if (hi - lo < 16) {
            BigInteger r = BigInteger.valueOf(lo);
            for (long i = lo + 1; i <= hi; i++) {
                r = r.multiply(BigInteger.valueOf(i));
            }
            return r;
        }
        long mid = lo + (hi - lo) / 2;
        return rangeProduct(lo, mid).multiply(rangeProduct(mid + 1, hi));
    }

    /** {@code first * (first+1) * ... * (first+count-1)} by binary splitting. */
    private static BigInteger product(BigInteger first, long count) {
        if (count <= 0) {
            return BigInteger.ONE;
        }
        if (count <= 16) {
            BigInteger r = first;
            for (long i = 1; i < count; i++) {
                r = r.multiply(first.add(BigInteger.valueOf(i)));
            }
            return r;
        }
        long half = count / 2;
        return product(first, half).multiply(product(first.add(BigInteger.valueOf(half)), count - half));
    }
}
