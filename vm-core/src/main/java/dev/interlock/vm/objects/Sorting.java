package dev.interlock.vm.objects;

import dev.interlock.vm.ops.Compare;

/**
 * The sort behind {@code list.sort} and {@code sorted}: stable, and asking only
 * {@code a < b} of the items, as Python promises. It is a merge sort with an insertion sort for
 * short runs; it never calls the comparison on inconsistent terms in a way that could throw
 * anything but the Python exception the comparison itself raises.
 *
 * <p>As CPython's {@code list.sort}, {@code reverse=True} reverses, sorts and reverses again, so
 * equal items keep their original order; keys are computed once per item, first to last.
 */
final class Sorting {

    private Sorting() {
    }

    /** Sorts {@code values} (new references, kept in the array) in place. */
    static void sort(PyObject[] values, PyObject key, boolean reverse) {
        int n = values.length;
        if (n < 2) {
            return;
        }
        if (reverse) {
            reverse(values);
        }
        if (key == null || key == PyNone.INSTANCE) {
            mergeSort(values, null);
        } else {
            PyObject[] keys = new PyObject[n];
            try {
                for (int i = 0; i < n; i++) {
                    keys[i] = key.call(values, i, 1, null);
                }
                mergeSort(keys, values);
            } finally {
                Refs.decrefAll(keys);
            }
        }
        if (reverse) {
            reverse(values);
        }
    }

    private static void reverse(PyObject[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            PyObject t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Sorts {@code keys}, permuting {@code values} (if not null) the same way. */
    private static void mergeSort(PyObject[] keys, PyObject[] values) {
        int n = keys.length;
        PyObject[] tmpK = new PyObject[n];
        PyObject[] tmpV = values == null ? null : new PyObject[n];
        final int run = 16;
        for (int lo = 0; lo < n; lo += run) {
            insertionSort(keys, values, lo, Math.min(lo + run, n));
        }
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (!lessThan(keys[mid], keys[mid - 1])) {
                    continue; // already in order
                }
                merge(keys, values, tmpK, tmpV, lo, mid, hi);
            }
        }
    }

    private static void insertionSort(PyObject[] keys, PyObject[] values, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            PyObject k = keys[i];
            PyObject v = values == null ? null : values[i];
            int j = i;
            while (j > lo && lessThan(k, keys[j - 1])) {
                keys[j] = keys[j - 1];
                if (values != null) {
                    values[j] = values[j - 1];
                }
                j--;
            }
            keys[j] = k;
            if (values != null) {
                values[j] = v;
            }
        }
    }

    private static void merge(PyObject[] keys, PyObject[] values, PyObject[] tmpK, PyObject[] tmpV, int lo, int mid, int hi) {
        System.arraycopy(keys, lo, tmpK, lo, hi - lo);
        if (values != null) {
            System.arraycopy(values, lo, tmpV, lo, hi - lo);
        }
        int i = lo;
        int j = mid;
        int k = lo;
        try {
            while (i < mid && j < hi) {
                // take from the right only when strictly less: that keeps the sort stable
                if (lessThan(tmpK[j], tmpK[i])) {
                    keys[k] = tmpK[j];
                    if (values != null) {
                        values[k] = tmpV[j];
                    }
                    j++;
                } else {
                    keys[k] = tmpK[i];
                    if (values != null) {
                        values[k] = tmpV[i];
                    }
                    i++;
                }
                k++;
            }
        } finally {
            // whatever happens, every item ends up in the array exactly once
            while (i < mid) {
                keys[k] = tmpK[i];
                if (values != null) {
                    values[k] = tmpV[i];
                }
                i++;
                k++;
            }
            while (j < hi) {
                keys[k] = tmpK[j];
                if (values != null) {
                    values[k] = tmpV[j];
                }
                j++;
                k++;
            }
        }
    }

    private static boolean lessThan(PyObject a, PyObject b) {
        if (a instanceof PyInt x && b instanceof PyInt y && x.getClass() == y.getClass()) {
            return x.compareTo(y) < 0;
        }
        return Compare.test(a, b, Compare.LT);
    }
}
