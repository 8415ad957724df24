package dev.interlock.vm.objects;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in exception classes, in CPython 3.11's hierarchy. All share the Java class
 * {@link PyBaseException}; a few add attributes of their own.
 */
public final class ExceptionTypes {

    private static final Map<String, PyType> ALL = new LinkedHashMap<>();

    public static final PyType BASE_EXCEPTION = register(PyBaseException.defineBase().slotWrappers(PyBaseException.class).build());
    public static final PyType SYSTEM_EXIT = register(define("SystemExit", BASE_EXCEPTION)
            .getter("code", self -> firstArgOrNone((PyBaseException) self)).build());
    public static final PyType KEYBOARD_INTERRUPT = simple("KeyboardInterrupt", BASE_EXCEPTION);
    public static final PyType GENERATOR_EXIT = simple("GeneratorExit", BASE_EXCEPTION);
    public static final PyType EXCEPTION = simple("Exception", BASE_EXCEPTION);

    public static final PyType STOP_ITERATION = register(define("StopIteration", EXCEPTION)
            .getter("value", self -> firstArgOrNone((PyBaseException) self)).build());
    public static final PyType STOP_ASYNC_ITERATION = simple("StopAsyncIteration", EXCEPTION);
    public static final PyType ARITHMETIC_ERROR = simple("ArithmeticError", EXCEPTION);
    public static final PyType FLOATING_POINT_ERROR = simple("FloatingPointError", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = simple("OverflowError", ARITHMETIC_ERROR);
    public static final PyType ZERO_DIVISION_ERROR = simple("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyType ASSERTION_ERROR = simple("AssertionError", EXCEPTION);
    public static final PyType ATTRIBUTE_ERROR = simple("AttributeError", EXCEPTION);
    public static final PyType BUFFER_ERROR = simple("BufferError", EXCEPTION);
    public static final PyType EOF_ERROR = simple("EOFError", EXCEPTION);
    public static final PyType IMPORT_ERROR = simple("ImportError", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = simple("ModuleNotFoundError", IMPORT_ERROR);
    public static final PyType LOOKUP_ERROR = simple("LookupError", EXCEPTION);
    public static final PyType INDEX_ERROR = simple("IndexError", LOOKUP_ERROR);
    public static final PyType KEY_ERROR = simple("KeyError", LOOKUP_ERROR);
    public static final PyType MEMORY_ERROR = simple("MemoryError", EXCEPTION);
    public static final PyType NAME_ERROR = simple("NameError", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = simple("UnboundLocalError", NAME_ERROR);
    public static final PyType OS_ERROR = simple("OSError", EXCEPTION);
    public static final PyType FILE_NOT_FOUND_ERROR = simple("FileNotFoundError", OS_ERROR);
    public static final PyType PERMISSION_ERROR = simple("PermissionError", OS_ERROR);
    public static final PyType TIMEOUT_ERROR = simple("TimeoutError", OS_ERROR);
    public static final PyType REFERENCE_ERROR = simple("ReferenceError", EXCEPTION);
    public static final PyType RUNTIME_ERROR = simple("RuntimeError", EXCEPTION);
    public static final PyType NOT_IMPLEMENTED_ERROR = simple("NotImplementedError", RUNTIME_ERROR);
    public static final PyType RECURSION_ERROR = simple("RecursionError", RUNTIME_ERROR);
    public static final PyType SYNTAX_ERROR = simple("SyntaxError", EXCEPTION);
    public static final PyType INDENTATION_ERROR = simple("IndentationError", SYNTAX_ERROR);
    public static final PyType TAB_ERROR = simple("TabError", INDENTATION_ERROR);
    public static final PyType SYSTEM_ERROR = simple("SystemError", EXCEPTION);
    public static final PyType TYPE_ERROR = simple("TypeError", EXCEPTION);
    public static final PyType VALUE_ERROR = simple("ValueError", EXCEPTION);
    public static final PyType UNICODE_ERROR = simple("UnicodeError", VALUE_ERROR);
    public static final PyType UNICODE_DECODE_ERROR = simple("UnicodeDecodeError", UNICODE_ERROR);
    public static final PyType UNICODE_ENCODE_ERROR = simple("UnicodeEncodeError", UNICODE_ERROR);
    public static final PyType WARNING = simple("Warning", EXCEPTION);
    public static final PyType USER_WARNING = simple("UserWarning", WARNING);
    public static final PyType DEPRECATION_WARNING = simple("DeprecationWarning", WARNING);
    public static final PyType RUNTIME_WARNING = simple("RuntimeWarning", WARNING);

    private ExceptionTypes() {
    }

    /** Every built-in exception class by name, for the builtins module. */
    public static Map<String, PyType> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    private static PyType.Builder define(String name, PyType base) {
        return PyType.builtin(name, base);
    }

    private static PyType simple(String name, PyType base) {
        return register(define(name, base).build());
    }

    private static PyType register(PyType type) {
        ALL.put(type.name(), type);
        return type;
    }

    private static PyObject firstArgOrNone(PyBaseException e) {
        if (e.args().size() == 0) {
            return PyNone.INSTANCE;
        }
        return Refs.newRef(e.args().get(0));
    }
}
