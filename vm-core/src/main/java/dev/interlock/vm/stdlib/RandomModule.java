package dev.interlock.vm.stdlib;

import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;

/**
 * The {@code random} module: the classes {@code Random} and {@code SystemRandom}, and, as in
 * CPython's {@code Lib/random.py}, the functions {@code seed}, {@code random}, {@code randint}...
 * as methods bound to a hidden instance {@code _inst} seeded from the operating system's entropy
 * when the module is imported. See {@link PyRandom} for the algorithms.
 */
public final class RandomModule implements NativeModule {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("random", d);
        Refs.decref(d);
        d.setItem("Random", PyRandom.TYPE);
        d.setItem("SystemRandom", PyRandom.SYSTEM_TYPE);
        d.setItemSteal("NV_MAGICCONST", PyFloat.of(PyRandom.NV_MAGICCONST));
        d.setItemSteal("TWOPI", PyFloat.of(PyRandom.TWOPI));
        d.setItemSteal("LOG4", PyFloat.of(PyRandom.LOG4));
        d.setItemSteal("SG_MAGICCONST", PyFloat.of(PyRandom.SG_MAGICCONST));
        d.setItemSteal("BPF", PyInt.of(53));
        d.setItemSteal("RECIP_BPF", PyFloat.of(0x1p-53));
        PyRandom inst = PyRandom.fromEntropy();
        d.setItemSteal("_inst", inst);
        for (String name : PyRandom.MODULE_FUNCTIONS) {
            PyStr n = PyStr.of(name);
            try {
                d.setItemSteal(name, inst.getAttribute(n));
            } finally {
                Refs.decref(n);
            }
        }
        String[] all = {"Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate", "gammavariate",
            "gauss", "getrandbits", "getstate", "lognormvariate", "normalvariate", "paretovariate", "randint",
            "random", "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate",
            "weibullvariate"};
        PyObject[] names = new PyObject[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = PyStr.of(all[i]);
        }
        d.setItemSteal("__all__", PyList.steal(names));
        return module;
    }
}
