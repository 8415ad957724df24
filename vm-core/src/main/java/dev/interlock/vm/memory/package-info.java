/**
 * The memory managers built into the interpreter, and the deallocation protocol they share:
 * finalizer once, mark freed, release children with a trashcan against deep recursion.
 */
package dev.interlock.vm.memory;
