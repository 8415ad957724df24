package dev.interlock.vm.eval;

import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.Iteration;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyStrs;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import java.util.List;

/** IMPORT_NAME, IMPORT_FROM and IMPORT_STAR. */
final class Imports {

    private Imports() {
    }

    /** IMPORT_NAME: the top-level module for {@code import a.b}, the module itself with a from-list. */
    static PyObject importName(Interpreter interp, Frame f, PyStr name, PyObject fromlist, PyObject level) {
        if (level instanceof PyInt l && l.signum() != 0) {
            throw new NotSupportedError("relative imports (from . import ...)");
        }
        String n = name.value();
        if (n.isEmpty()) {
            throw Errors.valueError("Empty module name");
        }
        PyModule module = interp.importModule(n);
        boolean hasFromlist = fromlist != PyNone.INSTANCE && !(fromlist instanceof PyTuple t && t.size() == 0);
        int dot = n.indexOf('.');
        if (hasFromlist || dot < 0) {
            return module;
        }
        Refs.decref(module);
        return interp.importModule(n.substring(0, dot));
    }

    /** IMPORT_FROM: {@code from m import name}. */
    static PyObject importFrom(Interpreter interp, PyObject module, PyStr name) {
        try {
            return module.getAttribute(name);
        } catch (PyException e) {
            if (!e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            String modName = module instanceof PyModule m ? m.name() : module.typeName();
            String location = module instanceof PyModule m ? interp.moduleLocation(m) : "unknown location";
            throw Errors.of(ExceptionTypes.IMPORT_ERROR, "cannot import name '" + name.value() + "' from '" + modName
                    + "' (" + location + ")");
        }
    }

    /** IMPORT_STAR: copies {@code __all__}, or every public name, into the namespace. */
    static void importStar(Frame f, PyObject module) {
        if (!(module instanceof PyModule m)) {
            throw Errors.typeError("import * requires a module");
        }
        PyDict source = m.dict();
        PyObject all = source.getItemOrNull(PyStrs.ALL);
        if (all != null) {
            try {
                for (PyObject n : Iteration.collect(all)) {
                    try {
                        PyObject v = m.getAttribute((PyStr) n);
                        try {
                            Names.storeName(f, (PyStr) n, v);
                        } finally {
                            Refs.decref(v);
                        }
                    } finally {
                        Refs.decref(n);
                    }
                }
            } finally {
                Refs.decref(all);
            }
            return;
        }
        List<MapStorage.Entry<PyObject, PyObject>> entries = source.entryList();
        try {
            for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                if (e.key() instanceof PyStr k && !k.value().startsWith("_")) {
                    Names.storeName(f, k, e.value());
                }
            }
        } finally {
            PyDict.release(entries);
        }
    }
}
