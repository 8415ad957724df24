/**
 * The {@code nogil} locking strategy: no global lock, threads run bytecode in parallel, as in
 * Jython; atomic reference counts and concurrent container storage keep the interpreter's
 * invariants.
 */
package dev.interlock.lock.nogil;
