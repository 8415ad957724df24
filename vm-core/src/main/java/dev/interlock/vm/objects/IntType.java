package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.vm.errors.Errors;
import java.math.BigInteger;

/** The constructor and methods of {@code int}. */
final class IntType {

    private static final ArgParser INT = new ArgParser("int", 0, 1, new String[] {"x", "base"});

    private IntType() {
    }

    static PyType define() {
        return PyType.builtin("int", PyType.OBJECT)
                .doc("int([x]) -> integer\nint(x, base=10) -> integer")
                .constructor((t, a, s, n, kw) -> {
                    PyObject[] p = INT.parse(a, s, n, kw);
                    return construct(p[0], p[1]);
                })
                .method(noArgs("bit_length", (PyInt self) -> PyInt.of(self.bigValue().abs().bitLength())))
                .method(noArgs("bit_count", (PyInt self) -> PyInt.of(self.bigValue().abs().bitCount())))
                .method(noArgs("conjugate", (PyInt self) -> self.asIndex()))
                .method(noArgs("as_integer_ratio", (PyInt self) ->
                        PyTuple.steal(new PyObject[] {self.asIndex(), PyInt.ONE})))
                .method(noArgs("__index__", (PyInt self) -> self.asIndex()))
                .getter("real", PyObject::asIndex)
                .getter("imag", self -> PyInt.ZERO)
                .getter("numerator", PyObject::asIndex)
                .getter("denominator", self -> PyInt.ONE)
                .slotWrappers(PyInt.class, SlotWrappers.numberOps())
                .build();
    }

    /** {@code int(x, base)} with either argument possibly absent (null). */
    static PyObject construct(PyObject x, PyObject base) {
        if (x == null) {
            if (base != null) {
                throw Errors.typeError("int() missing string argument");
            }
            return PyInt.ZERO;
        }
        if (base != null) {
            int b = base.asIndex().intValue();
            if (!(x instanceof PyStr s)) {
                throw Errors.typeError("int() can't convert non-string with explicit base");
            }
            return parse(s.value(), b);
        }
        if (x instanceof PyInt i) {
            return i.asIndex();
        }
        if (x instanceof PyFloat f) {
            return PyFloat.truncate(f.value());
        }
        if (x instanceof PyStr s) {
            return parse(s.value(), 10);
        }
        PyObject converted = x.type().isHeapType() ? Conversions.intViaDunder(x) : null;
        if (converted != null) {
            return converted;
        }
        throw Errors.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + x.typeName() + "'");
    }

    /**
     * Parses an int literal as {@code int(s, base)} does: whitespace around, an optional sign,
     * single underscores between digits, a {@code 0x}/{@code 0o}/{@code 0b} prefix matching the
     * base (any, with base 0).
     */
    static PyInt parse(String text, int base) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw Errors.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        String s = text.strip();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int b = base;
        boolean prefixed = false;
        if (i + 1 < s.length() && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (pb != 0 && (b == 0 || b == pb)) {
                b = pb;
                i += 2;
                prefixed = true;
            }
        }
        if (b == 0) {
            b = 10;
            // base 0: a decimal literal may not have leading zeros, except for zero itself
            String digits = s.substring(i).replace("_", "");
            if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(c -> c == '0')) {
                throw invalid(text, base);
            }
        }
        StringBuilder digits = new StringBuilder();
        boolean lastWasDigit = prefixed; // "0x_1f" is valid: an underscore may follow the prefix
        boolean any = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (!lastWasDigit) {
                    throw invalid(text, base);
                }
                lastWasDigit = false;
                continue;
            }
            int d = Character.digit(c, b);
            if (d < 0 || c > 0x7f) {
                throw invalid(text, base);
            }
            digits.append(c);
            lastWasDigit = true;
            any = true;
        }
        if (!any || !lastWasDigit) {
            throw invalid(text, base);
        }
        if (b == 10 && digits.length() > PyInt.MAX_STR_DIGITS) {
            throw Errors.valueError("Exceeds the limit (" + PyInt.MAX_STR_DIGITS
                    + " digits) for integer string conversion: value has " + digits.length()
                    + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        String ds = digits.toString();
        if (ds.length() <= 18 && b == 10) {
            long v = Long.parseLong(ds);
            return PyInt.of(negative ? -v : v);
        }
        BigInteger v = new BigInteger(ds, b);
        return PyInt.of(negative ? v.negate() : v);
    }

    private static dev.interlock.vm.errors.PyException invalid(String text, int base) {
        return Errors.valueError("invalid literal for int() with base " + base + ": " + PyStr.reprOf(text));
    }
}
