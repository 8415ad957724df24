package dev.interlock.vm.ast;

/** Any AST node: it knows its source range. */
public interface Node {

    /** Where the node is in the source. */
    Pos pos();
}
