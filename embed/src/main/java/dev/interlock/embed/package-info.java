/**
 * Embedding Interlock in a Java application. This package is public API.
 *
 * <pre>{@code
 * try (PythonInterpreter python = PythonInterpreter.builder().lock("gil").build()) {
 *     python.exec("def greet(name):\n    return 'hello ' + name\n");
 *     String greeting = python.call(String.class, "greet", "world");     // "hello world"
 *     python.set("numbers", List.of(1, 2, 3));
 *     long total = python.eval("sum(numbers)", Long.class);              // 6
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.interlock.embed.PythonInterpreter} is one interpreter: its locking strategy,
 *       memory manager and {@code -X} options are chosen when it is built, as on the command line;
 *       code runs in its {@code __main__} module; closing it releases its threads.</li>
 *   <li>Values cross the boundary by conversion (see {@link dev.interlock.embed.PythonInterpreter}
 *       for the table); a Python object with no Java counterpart, such as a function, arrives as a
 *       {@link dev.interlock.embed.PythonObject} that holds a counted reference until closed.</li>
 *   <li>Every Python error arrives as one exception, {@link dev.interlock.embed.PythonException},
 *       with the Python type, message and traceback.</li>
 * </ul>
 *
 * <p>The JSR-223 engine built on the same machinery is in {@link dev.interlock.embed.jsr223}.
 * {@code dev.interlock.embed.internal} is the implementation and not API.
 */
package dev.interlock.embed;
