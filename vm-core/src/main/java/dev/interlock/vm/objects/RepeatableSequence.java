package dev.interlock.vm.objects;

/**
 * Marks a built-in sequence type outside this package whose instances support {@code seq * n}
 * (CPython's {@code sq_repeat}), such as {@code collections.deque}: when {@code *} fails with a
 * non-integer operand, the error reads {@code can't multiply sequence by non-int of type 'X'},
 * as for list, tuple and str.
 */
public interface RepeatableSequence {
}
