package dev.interlock.vm.builtins;

import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.stdlib.TextStream;

/** Writing text to a file object: directly to a native stream, through {@code write()} otherwise. */
final class TextStreams {

    private TextStreams() {
    }

    static void write(PyObject file, String text) {
        if (file instanceof TextStream stream) {
            stream.write(text);
            return;
        }
        PyObject write = file.getAttribute(PyStr.immortal("write"));
        PyStr s = PyStr.of(text);
        try {
            Refs.decref(write.call(new PyObject[] {s}, 0, 1, null));
        } finally {
            Refs.decref(s);
            Refs.decref(write);
        }
    }

    static void flush(PyObject file) {
        if (file instanceof TextStream stream) {
            stream.flush();
            return;
        }
        PyObject flush = file.getAttribute(PyStr.immortal("flush"));
        try {
            Refs.decref(flush.call(new PyObject[0], 0, 0, null));
        } finally {
            Refs.decref(flush);
        }
    }
}
