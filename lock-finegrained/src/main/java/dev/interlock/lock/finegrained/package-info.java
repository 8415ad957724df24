/**
 * The {@code finegrained} locking strategy: free-threaded CPython's per-object locks and critical
 * sections (PEP 703) as a plug-in, with lock-guarded container storage.
 */
package dev.interlock.lock.finegrained;
