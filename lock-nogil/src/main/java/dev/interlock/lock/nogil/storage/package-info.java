/**
 * Container storage for threads running bytecode in parallel: {@code ConcurrentListStorage},
 * {@code ConcurrentMapStorage} (dicts and namespaces) and {@code ConcurrentSetStorage}. Each
 * serializes its writers on its own lock, lets readers go without one, and never runs Python
 * code inside a lock.
 */
package dev.interlock.lock.nogil.storage;
