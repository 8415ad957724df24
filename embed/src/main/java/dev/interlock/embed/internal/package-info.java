/**
 * The implementation of the embedding API and of the JSR-223 engine: the interpreter session and
 * the Python threads that serve calls from Java, namespaces, conversions between Java and Python
 * values, handles on Python objects, and the translation of Python errors. Internal: not API, may
 * change without notice; use {@link dev.interlock.embed} and {@link dev.interlock.embed.jsr223}.
 */
package dev.interlock.embed.internal;
