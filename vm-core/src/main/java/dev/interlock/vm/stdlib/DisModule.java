package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.keywords;

import dev.interlock.vm.bytecode.Disassembler;
import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFunction;
import dev.interlock.vm.objects.PyMethod;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;

/** The {@code dis} module: {@code dis.dis(x)} in CPython 3.10's layout, printed to {@code sys.stdout}. */
public final class DisModule implements NativeModule {

    private static final ArgParser DIS = new ArgParser("dis", 0, 0, new String[] {"x"}, "file", "depth");

    @Override
    public String name() {
        return "dis";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("dis", d);
        Refs.decref(d);
        BuiltinDef dis = keywords("dis", (self, a, s, n, kw) -> {
            PyObject[] p = DIS.parse(a, s, n, kw);
            String text = disassemble(p[0]);
            PyObject file = p[1] == null || p[1] == PyNone.INSTANCE ? Interpreter.current().sysAttribute("stdout") : Refs.newRef(p[1]);
            try {
                PyStr str = PyStr.of(text);
                try {
                    PyObject write = file.getAttribute(PyStr.immortal("write"));
                    try {
                        Refs.decref(write.call(new PyObject[] {str}, 0, 1, null));
                    } finally {
                        Refs.decref(write);
                    }
                } finally {
                    Refs.decref(str);
                }
            } finally {
                Refs.decref(file);
            }
            return PyNone.INSTANCE;
        });
        d.setItemSteal("dis", new PyBuiltinFunction(dis, "dis"));
        d.setItemSteal("disassemble", new PyBuiltinFunction(dis, "dis"));
        return module;
    }

    private static String disassemble(PyObject x) {
        if (x == null || x == PyNone.INSTANCE) {
            throw new dev.interlock.vm.errors.NotSupportedError("dis.dis() without an argument (last traceback)");
        }
        if (x instanceof PyMethod m) {
            x = m.function();
        }
        if (x instanceof PyFunction f) {
            return Disassembler.disassembleRecursive(f.code());
        }
        if (x instanceof PyCode c) {
            return Disassembler.disassembleRecursive(c);
        }
        if (x instanceof PyStr src) {
            PyCode code = Compiler.compile(src.value(), "<dis>", Compiler.Mode.EXEC);
            try {
                return Disassembler.disassembleRecursive(code);
            } finally {
                Refs.decref(code);
            }
        }
        throw Errors.typeError("don't know how to disassemble " + x.typeName() + " objects");
    }
}
