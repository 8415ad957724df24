/**
 * The test kit published in {@code interlock-vm-core}'s test-jar (classifier {@code tests}) for
 * plug-in authors: {@link dev.interlock.vm.testing.LockingStrategyContract}, the contract every
 * locking strategy keeps, to extend with a plug-in's name, and
 * {@link dev.interlock.vm.testing.PythonRunner}, which runs Python source under a plug-in and
 * captures its output. These two are API for strategy tests (see {@code docs/EXTENDING.md}); the
 * other classes here are helpers of Interlock's own tests and may change.
 */
package dev.interlock.vm.testing;
