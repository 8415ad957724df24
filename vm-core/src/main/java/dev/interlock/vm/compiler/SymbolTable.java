package dev.interlock.vm.compiler;

import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.ast.Node;
import dev.interlock.vm.ast.Pos;
import dev.interlock.vm.ast.Stmt;
import dev.interlock.vm.errors.SyntaxErrorException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the scopes of a module and decides, for every name in every scope, whether it is a
 * local, a global, a free variable or a cell: CPython's {@code Python/symtable.c}, including class
 * scopes (invisible to nested functions), comprehensions (functions of their own whose first
 * iterable is evaluated outside), assignment expressions inside comprehensions (bound in the
 * enclosing function), and the implicit {@code __class__} cell for zero-argument {@code super()}.
 */
final class SymbolTable {

    private final String filename;
    private final String[] lines;
    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private Scope current;
    final Scope module;

    private SymbolTable(String filename, String source) {
        this.filename = filename;
        this.lines = source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        this.module = new Scope(Scope.Kind.MODULE, "top", null, false, false);
        this.current = module;
    }

    /** Builds and analyzes the symbol table of a module body. */
    static SymbolTable build(List<Stmt> body, String filename, String source, Object moduleKey) {
        SymbolTable t = new SymbolTable(filename, source);
        t.scopes.put(moduleKey, t.module);
        t.visitBody(body);
        t.analyze(t.module, new HashSet<>(), new HashSet<>());
        return t;
    }

    /** Builds the symbol table of a single expression (eval mode). */
    static SymbolTable buildExpression(Expr e, String filename, String source, Object moduleKey) {
        SymbolTable t = new SymbolTable(filename, source);
        t.scopes.put(moduleKey, t.module);
        t.expr(e);
        t.analyze(t.module, new HashSet<>(), new HashSet<>());
        return t;
    }

    /** The scope created for an AST node (a def, class, lambda or comprehension). */
    Scope scopeOf(Object node) {
        return scopes.get(node);
    }

    SyntaxErrorException error(String msg, Pos at) {
        String text = at.line() >= 1 && at.line() <= lines.length ? lines[at.line() - 1] : null;
        return new SyntaxErrorException("SyntaxError", msg, filename, at.line(), at.column() + 1, 0, text);
    }

    // ------------------------------------------------------------------ collecting

    private Scope push(Object node, Scope.Kind kind, String name, boolean comprehension, boolean lambda) {
        Scope s = new Scope(kind, name, current, comprehension, lambda);
        scopes.put(node, s);
        current = s;
        return s;
    }

    private void pop() {
        current = current.parent;
    }

    private void def(String name, int flag, Node at) {
        int old = current.flagsOf(name);
        if ((flag & Scope.DEF_PARAM) != 0 && (old & Scope.DEF_PARAM) != 0) {
            throw error("duplicate argument '" + name + "' in function definition", at.pos());
        }
        current.add(name, flag);
    }

    private void use(String name) {
        current.add(name, Scope.USE);
    }

    private void visitBody(List<Stmt> body) {
        for (Stmt s : body) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.FunctionDef f) {
            def(f.name(), Scope.DEF_LOCAL, f);
            exprs(f.decorators());
            arguments(f.args(), true);
            if (f.returns() != null) {
                expr(f.returns());
            }
            push(f, Scope.Kind.FUNCTION, f.name(), false, false);
            params(f.args(), f);
            visitBody(f.body());
            pop();
        } else if (s instanceof Stmt.ClassDef c) {
            def(c.name(), Scope.DEF_LOCAL, c);
            exprs(c.decorators());
            exprs(c.bases());
            for (Expr.Keyword k : c.keywords()) {
                expr(k.value());
            }
            push(c, Scope.Kind.CLASS, c.name(), false, false);
            visitBody(c.body());
            pop();
        } else if (s instanceof Stmt.Return r) {
            if (r.value() != null) {
                expr(r.value());
            }
        } else if (s instanceof Stmt.Delete d) {
            exprs(d.targets());
        } else if (s instanceof Stmt.Assign a) {
            exprs(a.targets());
            expr(a.value());
        } else if (s instanceof Stmt.AugAssign a) {
            expr(a.target());
            if (a.target() instanceof Expr.Name n) {
                use(n.id());
            }
            expr(a.value());
        } else if (s instanceof Stmt.AnnAssign a) {
            if (a.target() instanceof Expr.Name n) {
                int old = current.flagsOf(n.id());
                if ((old & (Scope.DEF_GLOBAL | Scope.DEF_NONLOCAL)) != 0 && a.simple()) {
                    throw error("annotated name '" + n.id() + "' can't be " + ((old & Scope.DEF_GLOBAL) != 0 ? "global" : "nonlocal"), a.pos());
                }
                if (a.value() != null || current.kind != Scope.Kind.FUNCTION) {
                    def(n.id(), Scope.DEF_LOCAL, a);
                } else {
                    def(n.id(), Scope.DEF_LOCAL, a);
                }
            } else {
                expr(a.target());
            }
            expr(a.annotation());
            if (a.value() != null) {
                expr(a.value());
            }
        } else if (s instanceof Stmt.For f) {
            expr(f.target());
            expr(f.iter());
            visitBody(f.body());
            visitBody(f.orelse());
        } else if (s instanceof Stmt.While w) {
            expr(w.test());
            visitBody(w.body());
            visitBody(w.orelse());
        } else if (s instanceof Stmt.If i) {
            expr(i.test());
            visitBody(i.body());
            visitBody(i.orelse());
        } else if (s instanceof Stmt.With w) {
            for (Stmt.WithItem item : w.items()) {
                expr(item.contextExpr());
                if (item.optionalVars() != null) {
                    expr(item.optionalVars());
                }
            }
            visitBody(w.body());
        } else if (s instanceof Stmt.Raise r) {
            if (r.exc() != null) {
                expr(r.exc());
            }
            if (r.cause() != null) {
                expr(r.cause());
            }
        } else if (s instanceof Stmt.Try t) {
            visitBody(t.body());
            for (Stmt.ExceptHandler h : t.handlers()) {
                if (h.type() != null) {
                    expr(h.type());
                }
                if (h.name() != null) {
                    def(h.name(), Scope.DEF_LOCAL, () -> h.pos());
                }
                visitBody(h.body());
            }
            visitBody(t.orelse());
            visitBody(t.finalbody());
        } else if (s instanceof Stmt.Assert a) {
            expr(a.test());
            if (a.msg() != null) {
                expr(a.msg());
            }
        } else if (s instanceof Stmt.Import i) {
            for (Stmt.Alias al : i.names()) {
                String bound = al.asname() != null ? al.asname() : al.name().split("\\.")[0];
                def(bound, Scope.DEF_IMPORT | Scope.DEF_LOCAL, i);
            }
        } else if (s instanceof Stmt.ImportFrom i) {
            for (Stmt.Alias al : i.names()) {
                if (al.name().equals("*")) {
                    if (current.kind != Scope.Kind.MODULE) {
                        throw error("import * only allowed at module level", i.pos());
                    }
                    continue;
                }
                def(al.asname() != null ? al.asname() : al.name(), Scope.DEF_IMPORT | Scope.DEF_LOCAL, i);
            }
        } else if (s instanceof Stmt.Global g) {
            for (String name : g.names()) {
                declare(name, Scope.DEF_GLOBAL, "global", g);
            }
        } else if (s instanceof Stmt.Nonlocal n) {
            if (current.kind == Scope.Kind.MODULE) {
                throw error("nonlocal declaration not allowed at module level", n.pos());
            }
            for (String name : n.names()) {
                declare(name, Scope.DEF_NONLOCAL, "nonlocal", n);
            }
        } else if (s instanceof Stmt.ExprStmt e) {
            expr(e.value());
        }
    }

    private void declare(String name, int flag, String keyword, Stmt at) {
        int old = current.flagsOf(name);
        if ((old & Scope.DEF_PARAM) != 0) {
            throw error("name '" + name + "' is parameter and " + keyword, at.pos());
        }
        if ((old & Scope.USE) != 0) {
            throw error("name '" + name + "' is used prior to " + keyword + " declaration", at.pos());
        }
        if ((old & (Scope.DEF_LOCAL | Scope.DEF_IMPORT)) != 0) {
            throw error("name '" + name + "' is assigned to before " + keyword + " declaration", at.pos());
        }
        if (flag == Scope.DEF_GLOBAL && (old & Scope.DEF_NONLOCAL) != 0) {
            throw error("name '" + name + "' is nonlocal and global", at.pos());
        }
        if (flag == Scope.DEF_NONLOCAL && (old & Scope.DEF_GLOBAL) != 0) {
            throw error("name '" + name + "' is nonlocal and global", at.pos());
        }
        current.add(name, flag);
    }

    private void arguments(Expr.Arguments a, boolean annotations) {
        exprs(a.defaults());
        for (Expr d : a.kwDefaults()) {
            if (d != null) {
                expr(d);
            }
        }
        if (annotations) {
            for (Expr.Arg arg : allArgs(a)) {
                if (arg.annotation() != null) {
                    expr(arg.annotation());
                }
            }
        }
    }

    static List<Expr.Arg> allArgs(Expr.Arguments a) {
        java.util.ArrayList<Expr.Arg> out = new java.util.ArrayList<>();
        out.addAll(a.posonlyargs());
        out.addAll(a.args());
        if (a.vararg() != null) {
            out.add(a.vararg());
        }
        out.addAll(a.kwonlyargs());
        if (a.kwarg() != null) {
            out.add(a.kwarg());
        }
        return out;
    }

    private void params(Expr.Arguments a, Node at) {
        for (Expr.Arg arg : a.posonlyargs()) {
            paramDef(arg);
        }
        for (Expr.Arg arg : a.args()) {
            paramDef(arg);
        }
        for (Expr.Arg arg : a.kwonlyargs()) {
            paramDef(arg);
        }
        if (a.vararg() != null) {
            paramDef(a.vararg());
        }
        if (a.kwarg() != null) {
            paramDef(a.kwarg());
        }
    }

    private void paramDef(Expr.Arg arg) {
        def(arg.name(), Scope.DEF_PARAM, () -> arg.pos());
        current.params.add(arg.name());
    }

    private void exprs(List<Expr> list) {
        for (Expr e : list) {
            if (e != null) {
                expr(e);
            }
        }
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Name n) {
            if (n.ctx() == Expr.Ctx.LOAD) {
                use(n.id());
                if (n.id().equals("super") && current.kind == Scope.Kind.FUNCTION) {
                    use("__class__");
                }
            } else {
                def(n.id(), Scope.DEF_LOCAL, n);
            }
        } else if (e instanceof Expr.BoolOp b) {
            exprs(b.values());
        } else if (e instanceof Expr.NamedExpr n) {
            expr(n.value());
            namedExprTarget(n);
        } else if (e instanceof Expr.BinOp b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.UnaryOp u) {
            expr(u.operand());
        } else if (e instanceof Expr.Lambda l) {
            arguments(l.args(), false);
            push(l, Scope.Kind.FUNCTION, "<lambda>", false, true);
            params(l.args(), l);
            expr(l.body());
            pop();
        } else if (e instanceof Expr.IfExp i) {
            expr(i.test());
            expr(i.body());
            expr(i.orelse());
        } else if (e instanceof Expr.Dict d) {
            exprs(d.keys());
            exprs(d.values());
        } else if (e instanceof Expr.Set s) {
            exprs(s.elts());
        } else if (e instanceof Expr.ListComp c) {
            comprehension(c, "<listcomp>", c.generators(), c.elt(), null);
        } else if (e instanceof Expr.SetComp c) {
            comprehension(c, "<setcomp>", c.generators(), c.elt(), null);
        } else if (e instanceof Expr.DictComp c) {
            comprehension(c, "<dictcomp>", c.generators(), c.key(), c.value());
        } else if (e instanceof Expr.GeneratorExp c) {
            comprehension(c, "<genexpr>", c.generators(), c.elt(), null);
        } else if (e instanceof Expr.Yield y) {
            yieldSeen(y.pos());
            if (y.value() != null) {
                expr(y.value());
            }
        } else if (e instanceof Expr.YieldFrom y) {
            yieldSeen(y.pos());
            expr(y.value());
        } else if (e instanceof Expr.Compare c) {
            expr(c.left());
            exprs(c.comparators());
        } else if (e instanceof Expr.Call c) {
            expr(c.func());
            exprs(c.args());
            for (Expr.Keyword k : c.keywords()) {
                expr(k.value());
            }
        } else if (e instanceof Expr.FormattedValue f) {
            expr(f.value());
            if (f.formatSpec() != null) {
                expr(f.formatSpec());
            }
        } else if (e instanceof Expr.JoinedStr j) {
            exprs(j.values());
        } else if (e instanceof Expr.Attribute a) {
            expr(a.value());
        } else if (e instanceof Expr.Subscript s) {
            expr(s.value());
            expr(s.slice());
        } else if (e instanceof Expr.Starred s) {
            expr(s.value());
        } else if (e instanceof Expr.ListExpr l) {
            exprs(l.elts());
        } else if (e instanceof Expr.Tuple t) {
            exprs(t.elts());
        } else if (e instanceof Expr.Slice s) {
            if (s.lower() != null) {
                expr(s.lower());
            }
            if (s.upper() != null) {
                expr(s.upper());
            }
            if (s.step() != null) {
                expr(s.step());
            }
        }
    }

    private void yieldSeen(Pos at) {
        if (current.kind != Scope.Kind.FUNCTION) {
            throw error("'yield' outside function", at);
        }
        if (current.isComprehension) {
            throw error("'yield' inside " + comprehensionKind(current.name), at);
        }
        current.isGenerator = true;
    }

    private static String comprehensionKind(String name) {
        switch (name) {
            case "<listcomp>":
                return "list comprehension";
            case "<setcomp>":
                return "set comprehension";
            case "<dictcomp>":
                return "dict comprehension";
            default:
                return "generator expression";
        }
    }

    private void comprehension(Expr node, String name, List<Expr.Comprehension> gens, Expr elt, Expr value) {
        // The first iterable is evaluated in the enclosing scope.
        expr(gens.get(0).iter());
        Scope s = push(node, Scope.Kind.FUNCTION, name, true, false);
        s.isGenerator = name.equals("<genexpr>");
        def(".0", Scope.DEF_PARAM, node);
        s.params.add(".0");
        for (int i = 0; i < gens.size(); i++) {
            Expr.Comprehension g = gens.get(i);
            expr(g.target());
            if (i > 0) {
                expr(g.iter());
            }
            exprs(g.ifs());
        }
        expr(elt);
        if (value != null) {
            expr(value);
        }
        pop();
    }

    /** PEP 572: the target of {@code :=} in a comprehension binds in the enclosing function. */
    private void namedExprTarget(Expr.NamedExpr n) {
        String name = n.target().id();
        if (!current.isComprehension) {
            def(name, Scope.DEF_LOCAL, n);
            return;
        }
        Scope s = current;
        while (s.isComprehension) {
            if (s.flags.containsKey(name) && (s.flagsOf(name) & Scope.DEF_LOCAL) != 0) {
                throw error("assignment expression cannot rebind comprehension iteration variable '" + name + "'", n.pos());
            }
            s = s.parent;
        }
        if (s.kind == Scope.Kind.CLASS) {
            throw error("assignment expression within a comprehension cannot be used in a class body", n.pos());
        }
        int mark = s.kind == Scope.Kind.MODULE ? Scope.DEF_GLOBAL : Scope.DEF_NONLOCAL;
        for (Scope c = current; c != s; c = c.parent) {
            c.add(name, mark);
        }
        s.add(name, Scope.DEF_LOCAL);
    }

    // ------------------------------------------------------------------ analysis

    /**
     * Resolves every name of {@code s}.
     *
     * @param bound names bound in enclosing function scopes (visible to nested functions)
     * @param globals names declared global in enclosing scopes
     */
    private void analyze(Scope s, Set<String> bound, Set<String> globals) {
        Set<String> local = new HashSet<>();
        Set<String> newGlobals = new HashSet<>(globals);
        for (Map.Entry<String, Integer> e : s.flags.entrySet()) {
            String name = e.getKey();
            int f = e.getValue();
            Scope.Binding b;
            if ((f & Scope.DEF_GLOBAL) != 0) {
                b = Scope.Binding.GLOBAL_EXPLICIT;
                newGlobals.add(name);
            } else if ((f & Scope.DEF_NONLOCAL) != 0) {
                if (!bound.contains(name)) {
                    throw error("no binding for nonlocal '" + name + "' found", new Pos(1, 0, 1, 0));
                }
                b = Scope.Binding.FREE;
                s.frees.add(name);
            } else if ((f & (Scope.DEF_LOCAL | Scope.DEF_PARAM | Scope.DEF_IMPORT)) != 0) {
                b = Scope.Binding.LOCAL;
                local.add(name);
                newGlobals.remove(name);
            } else if (s.kind != Scope.Kind.MODULE && bound.contains(name)) {
                b = Scope.Binding.FREE;
                s.frees.add(name);
            } else if (globals.contains(name)) {
                b = Scope.Binding.GLOBAL_IMPLICIT;
            } else {
                b = s.kind == Scope.Kind.FUNCTION ? Scope.Binding.GLOBAL_IMPLICIT : Scope.Binding.LOCAL;
            }
            s.bindings.put(name, b);
        }
        Set<String> childBound = new HashSet<>(bound);
        if (s.kind == Scope.Kind.FUNCTION) {
            childBound.addAll(local);
        } else if (s.kind == Scope.Kind.CLASS) {
            childBound.add("__class__");
        } else {
            childBound.clear();
        }
        for (Map.Entry<String, Scope.Binding> e : s.bindings.entrySet()) {
            if (e.getValue() == Scope.Binding.GLOBAL_EXPLICIT) {
                childBound.remove(e.getKey());
            }
        }
        Set<String> childFrees = new java.util.TreeSet<>();
        for (Scope child : s.children) {
            analyze(child, childBound, newGlobals);
            childFrees.addAll(child.frees);
        }
        for (String name : childFrees) {
            if (s.kind == Scope.Kind.FUNCTION && local.contains(name)) {
                s.bindings.put(name, Scope.Binding.CELL);
                s.cells.add(name);
            } else if (s.kind == Scope.Kind.CLASS && name.equals("__class__")) {
                s.needsClassCell = true;
            } else if (s.kind != Scope.Kind.MODULE) {
                // passed through to an enclosing function; a class keeps its own local binding
                s.frees.add(name);
                s.bindings.putIfAbsent(name, Scope.Binding.FREE);
            }
        }
    }
}
