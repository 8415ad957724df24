/**
 * Reference counting as a swappable concern: the object header every Python object carries,
 * the {@link dev.interlock.api.memory.MemoryManager} contract and its plug-in descriptor, and the
 * fatal error raised when a freed object is used. Public API.
 */
package dev.interlock.api.memory;
