/**
 * Timeline tracing: the events strategies and the interpreter report for {@code interlock trace}.
 */
package dev.interlock.api.trace;
