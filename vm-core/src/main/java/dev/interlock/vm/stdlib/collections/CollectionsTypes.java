package dev.interlock.vm.stdlib.collections;

import dev.interlock.vm.objects.PyType;
import java.util.List;

/** The types module {@code _collections} exports. */
public final class CollectionsTypes {

    private CollectionsTypes() {
    }

    /** deque, defaultdict, OrderedDict, their iterators and {@code _tuplegetter}. */
    public static List<PyType> all() {
        return List.of(PyDeque.TYPE, PyDefaultDict.TYPE, PyOrderedDict.TYPE, DequeIterator.FORWARD, DequeIterator.REVERSE,
                TupleGetter.TYPE);
    }
}
