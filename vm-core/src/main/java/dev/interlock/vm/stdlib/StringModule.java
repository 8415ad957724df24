package dev.interlock.vm.stdlib;

import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.InterpreterError;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.runtime.PyThreadState;

/**
 * The {@code string} module's constants, as CPython 3.11's {@code Lib/string.py} defines them,
 * and {@code capwords}. {@code capwords} is a Python function in CPython, so it is one here too:
 * its source is compiled into the module, and its argument errors, its repr and its traceback
 * frame are those of a Python function.
 */
public final class StringModule implements NativeModule {

    static final String WHITESPACE = " \t\n\r\u000b\f";
    static final String ASCII_LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    static final String ASCII_UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String ASCII_LETTERS = ASCII_LOWERCASE + ASCII_UPPERCASE;
    static final String DIGITS = "0123456789";
    static final String HEXDIGITS = DIGITS + "abcdef" + "ABCDEF";
    static final String OCTDIGITS = "01234567";
    static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    static final String PRINTABLE = DIGITS + ASCII_LETTERS + PUNCTUATION + WHITESPACE;

    /**
     * CPython's definition, word for word, on the lines it occupies in CPython 3.11's
     * {@code Lib/string.py} (37 to 48), so tracebacks through it name the same line.
     */
    private static final String SOURCE = "# The Python part of the string module.\n" + "\n".repeat(35) + String.join("\n",
            "def capwords(s, sep=None):",
            "    \"\"\"capwords(s [,sep]) -> string",
            "",
            "    Split the argument into words using split, capitalize each",
            "    word using capitalize, and join the capitalized words using",
            "    join.  If the optional second argument sep is absent or None,",
            "    runs of whitespace characters are replaced by a single space",
            "    and leading and trailing whitespace are removed, otherwise",
            "    sep is used to split and join the words.",
            "",
            "    \"\"\"",
            "    return (sep or ' ').join(map(str.capitalize, s.split(sep)))",
            "");

    private static final String DOC = String.join("\n",
            "A collection of string constants.",
            "",
            "Public module variables:",
            "",
            "whitespace -- a string containing all ASCII whitespace",
            "ascii_lowercase -- a string containing all ASCII lowercase letters",
            "ascii_uppercase -- a string containing all ASCII uppercase letters",
            "ascii_letters -- a string containing all ASCII letters",
            "digits -- a string containing all ASCII decimal digits",
            "hexdigits -- a string containing all ASCII hexadecimal digits",
            "octdigits -- a string containing all ASCII octal digits",
            "punctuation -- a string containing all ASCII punctuation characters",
            "printable -- a string containing all ASCII characters considered printable",
            "",
            "");

    private static final String FILENAME = "<interlock>/lib/string.py";

    @Override
    public String name() {
        return "string";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("string", d);
        Refs.decref(d);
        d.setItemSteal("__doc__", PyStr.of(DOC));
        d.setItemSteal("whitespace", PyStr.of(WHITESPACE));
        d.setItemSteal("ascii_lowercase", PyStr.of(ASCII_LOWERCASE));
        d.setItemSteal("ascii_uppercase", PyStr.of(ASCII_UPPERCASE));
        d.setItemSteal("ascii_letters", PyStr.of(ASCII_LETTERS));
        d.setItemSteal("digits", PyStr.of(DIGITS));
        d.setItemSteal("hexdigits", PyStr.of(HEXDIGITS));
        d.setItemSteal("octdigits", PyStr.of(OCTDIGITS));
        d.setItemSteal("punctuation", PyStr.of(PUNCTUATION));
        d.setItemSteal("printable", PyStr.of(PRINTABLE));
        d.setItem("__builtins__", interp.builtins());
        interp.sources().register(FILENAME, SOURCE);
        PyCode code;
        try {
            code = Compiler.compile(SOURCE, FILENAME, Compiler.Mode.EXEC);
        } catch (SyntaxErrorException e) {
            throw new InterpreterError("the string module's source does not compile", e);
        }
        try {
            interp.evalLoop().runModule(code, d, PyThreadState.current());
        } catch (RuntimeException | Error e) {
            Refs.decref(module);
            throw e;
        } finally {
            Refs.decref(code);
        }
        return module;
    }
}
