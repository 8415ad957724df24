package dev.interlock.vm.compiler;

import java.util.List;

/**
 * Identity of constants for de-duplication in {@code co_consts}, as CPython's
 * {@code _PyCode_ConstantKey}: equal values of the same type share a slot; {@code 1}, {@code 1.0}
 * and {@code True} do not, nor do {@code 0.0} and {@code -0.0}.
 */
final class ConstKeys {

    /** A frozenset constant: its elements in the order they were written. */
    record FrozenSet(List<?> items) {
    }

    /** A key that is equal only to itself (code objects). */
    static Object unique() {
        return new Object();
    }

    private ConstKeys() {
    }

    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof Double x) {
            return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits((Double) b);
        }
        if (a instanceof FrozenSet x) {
            return same(x.items(), ((FrozenSet) b).items());
        }
        if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Long || a instanceof java.math.BigInteger || a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return false;
    }
}
