package dev.interlock.vm.errors;

import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyType;

/**
 * Makes the Python exceptions the interpreter raises, with CPython 3.11's message texts:
 * {@code throw Errors.typeError("...")}.
 */
public final class Errors {

    private Errors() {
    }

    /** An exception of {@code type} with one string argument. */
    public static PyException of(PyType type, String message) {
        return new PyException(PyBaseException.withMessage(type, message));
    }

    /** An exception of {@code type} with no arguments. */
    public static PyException of(PyType type) {
        return new PyException(PyBaseException.withoutArgs(type));
    }

    public static PyException typeError(String message) {
        return of(ExceptionTypes.TYPE_ERROR, message);
    }

    public static PyException valueError(String message) {
        return of(ExceptionTypes.VALUE_ERROR, message);
    }

    public static PyException indexError(String message) {
        return of(ExceptionTypes.INDEX_ERROR, message);
    }

    public static PyException attributeError(String message) {
        return of(ExceptionTypes.ATTRIBUTE_ERROR, message);
    }

    public static PyException nameError(String name) {
        return of(ExceptionTypes.NAME_ERROR, "name '" + name + "' is not defined");
    }

    public static PyException zeroDivision(String message) {
        return of(ExceptionTypes.ZERO_DIVISION_ERROR, message);
    }

    public static PyException overflowError(String message) {
        return of(ExceptionTypes.OVERFLOW_ERROR, message);
    }

    public static PyException runtimeError(String message) {
        return of(ExceptionTypes.RUNTIME_ERROR, message);
    }

    public static PyException recursionError(String message) {
        return of(ExceptionTypes.RECURSION_ERROR, message);
    }

    public static PyException memoryError() {
        return of(ExceptionTypes.MEMORY_ERROR);
    }

    public static PyException importError(String message) {
        return of(ExceptionTypes.MODULE_NOT_FOUND_ERROR, message);
    }

    /** {@code KeyError(key)}: its str is the repr of the key. */
    public static PyException keyError(PyObject key) {
        return new PyException(PyBaseException.withArg(ExceptionTypes.KEY_ERROR, key));
    }

    /** {@code KeyError(message)} with a str argument, as CPython raises for an empty dict or set. */
    public static PyException keyError(String message) {
        PyStr m = PyStr.of(message);
        try {
            return keyError(m);
        } finally {
            dev.interlock.vm.objects.Refs.decref(m); // the exception's args tuple took its own reference
        }
    }

    /** {@code StopIteration(value)}, carrying a generator's return value. */
    public static PyException stopIteration(PyObject value) {
        return new PyException(PyBaseException.withArg(ExceptionTypes.STOP_ITERATION, value));
    }

    /** A Python SyntaxError for a syntax error found by the compiler (in an imported module, eval, exec). */
    public static PyException syntaxError(SyntaxErrorException e) {
        PyType type = switch (e.kind()) {
            case "IndentationError" -> ExceptionTypes.INDENTATION_ERROR;
            case "TabError" -> ExceptionTypes.TAB_ERROR;
            default -> ExceptionTypes.SYNTAX_ERROR;
        };
        return new PyException(dev.interlock.vm.objects.PyBaseException.syntaxError(type, e));
    }

    /** The AttributeError of a failed lookup on an instance. */
    public static PyException noAttribute(PyObject object, PyStr name) {
        if (object instanceof dev.interlock.vm.objects.PyModule module) {
            return attributeError("module '" + module.name() + "' has no attribute '" + name.value() + "'");
        }
        return attributeError("'" + object.typeName() + "' object has no attribute '" + name.value() + "'");
    }

    /** CPython's message for a binary operator with unsupported operand types. */
    public static PyException unsupportedOperands(String symbol, PyObject left, PyObject right) {
        return typeError("unsupported operand type(s) for " + symbol + ": '" + left.typeName() + "' and '"
                + right.typeName() + "'");
    }
}
