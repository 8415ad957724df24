package dev.interlock.embed;

/**
 * A Python object that has no Java counterpart (a function, a class, an instance, a module...),
 * held from Java. It holds one counted reference to the object, so the object stays alive while
 * Java holds it; {@link #close()} gives the reference back (the object may then be freed and its
 * {@code __del__} run), and closing the interpreter gives back every reference still held.
 *
 * <p>Passing a {@code PythonObject} back to its interpreter (as an argument, or with
 * {@link PythonInterpreter#set}) passes the object itself, not a copy. It belongs to the
 * interpreter that made it and cannot be passed to another. Arguments and results are converted
 * as {@link PythonInterpreter} describes. Methods may be called from any Java thread; after
 * {@link #close()} they throw {@link IllegalStateException}.
 */
public interface PythonObject extends AutoCloseable {

    /** The Python type's name, such as {@code function} or {@code Counter}; known without calling Python. */
    String typeName();

    /**
     * Calls the object with positional arguments: {@code obj(*args)}.
     *
     * @return the result, converted to Java
     * @throws PythonException if the call raises
     */
    Object call(Object... args);

    /**
     * Calls the object and converts the result to {@code resultType}.
     *
     * @throws ClassCastException if the result cannot be converted to {@code resultType}
     * @throws PythonException if the call raises
     */
    <T> T call(Class<T> resultType, Object... args);

    /**
     * {@code getattr(obj, name)}.
     *
     * @throws PythonException ({@code AttributeError}) if there is no such attribute
     */
    Object getAttribute(String name);

    /**
     * Calls a method: {@code obj.name(*args)}.
     *
     * @throws PythonException if there is no such attribute or the call raises
     */
    Object invokeMethod(String name, Object... args);

    /** {@code repr(obj)}. */
    String repr();

    /** Converts the object to {@code type} as a result would be converted. */
    <T> T as(Class<T> type);

    /** Gives back the reference to the object; does nothing the second time. */
    @Override
    void close();
}
