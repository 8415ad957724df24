/** The abstract syntax tree: Python 3.11's {@code ast} node types as records. */
package dev.interlock.vm.ast;
