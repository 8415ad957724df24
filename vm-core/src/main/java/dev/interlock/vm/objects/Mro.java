package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * The C3 linearization that orders a class's method resolution order ({@code __mro__}), as
 * CPython's {@code mro_implementation}: the class, then a merge of its bases' MROs and the bases
 * themselves that keeps every local precedence order, or TypeError when none exists.
 */
final class Mro {

    private Mro() {
    }

    static PyType[] compute(PyType type, PyType[] bases) {
        List<List<PyType>> sequences = new ArrayList<>();
        for (PyType b : bases) {
            sequences.add(new ArrayList<>(b.mro()));
        }
        List<PyType> baseList = new ArrayList<>(List.of(bases));
        sequences.add(baseList);
        List<PyType> result = new ArrayList<>();
        result.add(type);
        while (true) {
            sequences.removeIf(List::isEmpty);
            if (sequences.isEmpty()) {
                return result.toArray(new PyType[0]);
            }
            PyType candidate = null;
            for (List<PyType> seq : sequences) {
                PyType head = seq.get(0);
                boolean inTail = false;
                for (List<PyType> other : sequences) {
                    if (other.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                StringBuilder names = new StringBuilder();
                for (PyType b : bases) {
                    if (names.length() > 0) {
                        names.append(", ");
                    }
                    names.append(b.name());
                }
                throw Errors.typeError("Cannot create a consistent method resolution\norder (MRO) for bases " + names);
            }
            result.add(candidate);
            for (List<PyType> seq : sequences) {
                if (!seq.isEmpty() && seq.get(0) == candidate) {
                    seq.remove(0);
                }
            }
        }
    }
}
