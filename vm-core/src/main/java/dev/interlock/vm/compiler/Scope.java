package dev.interlock.vm.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scope of the symbol table: a module, class, function, lambda or comprehension body, with
 * how each name in it is bound. Compare CPython's {@code PySTEntryObject} ({@code Python/symtable.c}).
 */
final class Scope {

    /** The kinds of scope. */
    enum Kind {
        MODULE, CLASS, FUNCTION
    }

    /** How a name resolves in this scope once analysis is done. */
    enum Binding {
        /** A fast local (or a class/module namespace entry). */
        LOCAL,
        /** Declared {@code global}. */
        GLOBAL_EXPLICIT,
        /** Not bound anywhere enclosing: looked up in globals, then builtins. */
        GLOBAL_IMPLICIT,
        /** Bound in an enclosing function: reached through a cell. */
        FREE,
        /** Bound here and used by a nested function: kept in a cell. */
        CELL
    }

    static final int DEF_LOCAL = 1;
    static final int DEF_GLOBAL = 1 << 1;
    static final int DEF_NONLOCAL = 1 << 2;
    static final int DEF_PARAM = 1 << 3;
    static final int USE = 1 << 4;
    static final int DEF_IMPORT = 1 << 5;

    final Kind kind;
    final String name;
    final Scope parent;
    final boolean isComprehension;
    final boolean isLambda;
    final Map<String, Integer> flags = new LinkedHashMap<>();
    final Map<String, Binding> bindings = new LinkedHashMap<>();
    final List<String> params = new ArrayList<>();
    final List<Scope> children = new ArrayList<>();
    final Set<String> cells = new LinkedHashSet<>();
    final Set<String> frees = new LinkedHashSet<>();
    boolean isGenerator;
    boolean usesSuperOrClass;
    /** True for a class scope that must provide the implicit {@code __class__} cell. */
    boolean needsClassCell;

    Scope(Kind kind, String name, Scope parent, boolean isComprehension, boolean isLambda) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.isComprehension = isComprehension;
        this.isLambda = isLambda;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    void add(String name, int flag) {
        flags.merge(name, flag, (a, b) -> a | b);
    }

    int flagsOf(String name) {
        return flags.getOrDefault(name, 0);
    }

    boolean isFunctionLike() {
        return kind == Kind.FUNCTION;
    }

    /** The resolved binding of {@code name}; names never seen resolve as implicit globals (or locals in classes/modules). */
    Binding binding(String name) {
        Binding b = bindings.get(name);
        if (b != null) {
            return b;
        }
        return kind == Kind.FUNCTION ? Binding.GLOBAL_IMPLICIT : Binding.LOCAL;
    }
}
