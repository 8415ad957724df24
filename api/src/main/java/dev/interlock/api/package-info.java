/**
 * The service-provider interface of Interlock: what a locking strategy implements
 * ({@link dev.interlock.api.LockingStrategy}), how it is found
 * ({@link dev.interlock.api.StrategyPlugin}), and the small types the interpreter and a strategy
 * exchange ({@link dev.interlock.api.ThreadState}, {@link dev.interlock.api.EvalBreaker},
 * {@link dev.interlock.api.CheckPoints}, {@link dev.interlock.api.SwitchSettings}).
 *
 * <p>This package is public API. It holds contracts only; behaviour lives in the interpreter
 * ({@code vm-core}) and in the plug-ins.
 */
package dev.interlock.api;
