package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyType;
import java.io.PrintStream;

/** {@code sys.stdout} and {@code sys.stderr}: text streams with {@code write} and {@code flush}. */
public final class TextStream extends PyObject {

    public static final PyType TYPE = PyType.builtin("TextIOWrapper", PyType.OBJECT).finalType()
            .method(oneArg("write", (TextStream self, PyObject text) -> {
                if (!(text instanceof PyStr s)) {
                    throw Errors.typeError("write() argument must be str, not " + text.typeName());
                }
                self.write(s.value());
                return PyInt.of(s.codePointLength());
            }))
            .method(noArgs("flush", (TextStream self) -> {
                self.out.flush();
                return PyNone.INSTANCE;
            }))
            .method(noArgs("isatty", (TextStream self) -> PyBool.FALSE))
            .getter("name", self -> PyStr.of(((TextStream) self).name))
            .build();

    private final PrintStream out;
    private final String name;

    public TextStream(PrintStream out, String name) {
        this.out = out;
        this.name = name;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Writes text; the stream is synchronized, so one write is never torn by another thread's. */
    public void write(String text) {
        out.print(text);
    }

    /** Flushes buffered text. */
    public void flush() {
        out.flush();
    }

    @Override
    public String repr() {
        return "<_io.TextIOWrapper name='" + name + "' mode='w' encoding='utf-8'>";
    }
}
