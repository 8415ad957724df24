/**
 * Container storage for threads running bytecode in parallel: {@code ConcurrentListStorage},
 * {@code ConcurrentMapStorage} (dicts and namespaces) serialize their writers on their own lock
 * and let readers go without one; {@code LockedSetStorage} keeps CPython's set table behind a
 * lock, so sets keep CPython's order. None runs Python code inside a lock.
 */
package dev.interlock.lock.nogil.storage;
