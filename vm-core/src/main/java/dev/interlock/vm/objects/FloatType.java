package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.vm.errors.Errors;
import java.math.BigDecimal;
import java.math.BigInteger;

/** The constructor and methods of {@code float}. */
final class FloatType {

    private FloatType() {
    }

    static PyType define() {
        return PyType.builtin("float", PyType.OBJECT)
                .doc("Convert a string or number to a floating point number, if possible.")
                .constructor((t, a, s, n, kw) -> {
                    if (kw != null && kw.size() > 0) {
                        throw Errors.typeError("float() takes no keyword arguments");
                    }
                    BuiltinDef.checkPositional("float", n, 0, 1);
                    return n == 0 ? PyFloat.of(0.0) : construct(a[s]);
                })
                .method(noArgs("is_integer", (PyFloat self) -> {
                    double v = self.value();
                    return PyBool.of(!Double.isInfinite(v) && v == Math.floor(v));
                }))
                .method(noArgs("as_integer_ratio", (PyFloat self) -> integerRatio(self.value())))
                .method(noArgs("conjugate", (PyFloat self) -> PyFloat.of(self.value())))
                .method(noArgs("__trunc__", (PyFloat self) -> PyFloat.truncate(self.value())))
                .method(noArgs("__floor__", (PyFloat self) -> PyFloat.truncate(Math.floor(self.value()))))
                .method(noArgs("__ceil__", (PyFloat self) -> PyFloat.truncate(Math.ceil(self.value()))))
                .getter("real", self -> PyFloat.of(((PyFloat) self).value()))
                .getter("imag", self -> PyFloat.of(0.0))
                .slotWrappers(PyFloat.class, SlotWrappers.numberOps())
                .build();
    }

    /** {@code float(x)}. */
    static PyObject construct(PyObject x) {
        if (x instanceof PyFloat f) {
            return PyFloat.of(f.value());
        }
        if (x instanceof PyInt i) {
            return PyFloat.of(i.toDouble());
        }
        if (x instanceof PyStr s) {
            return PyFloat.of(PyFloat.parse(s.value()));
        }
        throw Errors.typeError("float() argument must be a string or a real number, not '" + x.typeName() + "'");
    }

    /** {@code x.as_integer_ratio()}: the exact fraction in lowest terms. */
    static PyObject integerRatio(double x) {
        if (Double.isInfinite(x)) {
            throw Errors.overflowError("cannot convert Infinity to integer ratio");
        }
        if (Double.isNaN(x)) {
            throw Errors.valueError("cannot convert NaN to integer ratio");
        }
        BigDecimal exact = new BigDecimal(x);
        BigInteger num = exact.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (exact.scale() > 0) {
            den = BigInteger.TEN.pow(exact.scale());
        } else if (exact.scale() < 0) {
            num = num.multiply(BigInteger.TEN.pow(-exact.scale()));
        }
        BigInteger g = num.gcd(den);
        if (g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        return PyTuple.steal(new PyObject[] {PyInt.of(num), PyInt.of(den)});
    }
}
