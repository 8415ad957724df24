/**
 * Container storage building blocks published for locking strategies: unsynchronized list and
 * ordered-map storage with CPython's layouts. A strategy that serializes bytecode can use them
 * as they are; others wrap them in their own locks. This package is part of the extension API.
 */
package dev.interlock.vm.storage;
