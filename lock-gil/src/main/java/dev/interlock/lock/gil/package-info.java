/** The {@code gil} locking strategy: CPython's global interpreter lock as a plug-in. */
package dev.interlock.lock.gil;
