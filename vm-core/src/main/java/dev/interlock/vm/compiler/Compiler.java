package dev.interlock.vm.compiler;

import dev.interlock.vm.ast.CmpOp;
import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.ast.Node;
import dev.interlock.vm.ast.Operator;
import dev.interlock.vm.ast.Pos;
import dev.interlock.vm.ast.Stmt;
import dev.interlock.vm.bytecode.Opcode;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.parser.Parser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Compiles the AST to code objects with CPython 3.10's instruction set and code shapes: the same
 * opcodes for the same constructs ({@code n += 1} becomes {@code LOAD_GLOBAL}, {@code LOAD_CONST},
 * {@code INPLACE_ADD}, {@code STORE_GLOBAL}), the 3.10 block stack for {@code try} and {@code with},
 * loops with their test repeated at the bottom, comprehensions as nested functions.
 *
 * <p>Compare CPython 3.10's {@code Python/compile.c}: {@code compiler_visit_stmt},
 * {@code compiler_visit_expr}, {@code compiler_jump_if}, {@code compiler_unwind_fblock}.
 */
public final class Compiler implements Stmt.Visitor<Void>, Expr.Visitor<Void> {

    /** What is being compiled. */
    public enum Mode {
        /** A module ({@code exec}). */
        EXEC,
        /** A single expression whose value is returned ({@code eval}). */
        EVAL,
        /** One interactive statement: expression values are printed ({@code single}). */
        SINGLE
    }

    /** Frame blocks the compiler tracks to unwind on break, continue and return. */
    private enum BlockKind {
        WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, HANDLER_CLEANUP, EXCEPTION_HANDLER, POP_VALUE
    }

    private record Block(BlockKind kind, CodeUnit.Label start, CodeUnit.Label exit, Object datum) {
    }

    private final String filename;
    private final String source;
    private final SymbolTable symbols;
    private final Mode mode;
    private final Deque<CodeUnit> units = new ArrayDeque<>();
    private final Deque<Deque<Block>> blockStacks = new ArrayDeque<>();
    private final Deque<String> classNames = new ArrayDeque<>();
    private CodeUnit unit;

    private Compiler(String filename, String source, SymbolTable symbols, Mode mode) {
        this.filename = filename;
        this.source = source;
        this.symbols = symbols;
        this.mode = mode;
    }

    /** Compiles source text to a module (or expression) code object. */
    public static PyCode compile(String source, String filename, Mode mode) {
        Object key = new Object();
        if (mode == Mode.EVAL) {
            Expr e = Parser.parseExpression(source, filename);
            SymbolTable st = SymbolTable.buildExpression(e, filename, source, key);
            Compiler c = new Compiler(filename, source, st, mode);
            return c.compileExpressionModule(e, key);
        }
        List<Stmt> body = Parser.parseModule(source, filename);
        SymbolTable st = SymbolTable.build(body, filename, source, key);
        Compiler c = new Compiler(filename, source, st, mode);
        return c.compileModule(body, key);
    }

    // ------------------------------------------------------------------ units

    private void enter(Scope scope, String name, String qualname, int firstLine) {
        CodeUnit u = new CodeUnit(scope, name, qualname, filename, firstLine);
        if (scope.kind == Scope.Kind.FUNCTION) {
            for (String p : scope.params) {
                u.varIndex(p);
            }
            for (var e : scope.bindings.entrySet()) {
                if (e.getValue() == Scope.Binding.LOCAL && !u.varnames.contains(e.getKey())) {
                    u.varnames.add(e.getKey());
                }
            }
        }
        List<String> cells = new ArrayList<>(scope.cells);
        if (scope.needsClassCell) {
            cells.add("__class__");
        }
        cells.sort(null);
        u.cellvars.addAll(cells);
        List<String> frees = new ArrayList<>(scope.frees);
        frees.sort(null);
        u.freevars.addAll(frees);
        if (unit != null) {
            units.push(unit);
        }
        unit = u;
        blockStacks.push(new ArrayDeque<>());
    }

    private PyCode leave() {
        CodeUnit u = unit;
        blockStacks.pop();
        unit = units.isEmpty() ? null : units.pop();
        int flags = u.flags;
        if (u.scope.kind == Scope.Kind.FUNCTION) {
            flags |= PyCode.CO_OPTIMIZED | PyCode.CO_NEWLOCALS;
            if (u.scope.parent != null && u.scope.parent.kind == Scope.Kind.FUNCTION) {
                flags |= PyCode.CO_NESTED;
            }
        }
        if (u.freevars.isEmpty() && u.cellvars.isEmpty()) {
            flags |= PyCode.CO_NOFREE;
        }
        if (u.scope.isGenerator) {
            flags |= PyCode.CO_GENERATOR;
        }
        u.flags = flags;
        return u.assemble();
    }

    private Deque<Block> blocks() {
        return blockStacks.peek();
    }

    private void setLocation(Pos p) {
        unit.line = p.line();
        unit.column = p.column();
        unit.endLine = p.endLine();
        unit.endColumn = p.endColumn();
    }

    private int[] saveLocation() {
        return new int[] {unit.line, unit.column, unit.endLine, unit.endColumn};
    }

    private void restoreLocation(int[] loc) {
        unit.line = loc[0];
        unit.column = loc[1];
        unit.endLine = loc[2];
        unit.endColumn = loc[3];
    }

    private SyntaxErrorException error(String msg, Node at) {
        return symbols.error(msg, at.pos());
    }

    private void emit(Opcode op) {
        unit.emit(op);
    }

    private void emit(Opcode op, int arg) {
        unit.emit(op, arg);
    }

    private void jump(Opcode op, CodeUnit.Label target) {
        unit.emitJump(op, target);
    }

    private void loadConst(Object value) {
        emit(Opcode.LOAD_CONST, unit.addConst(value, Constants.toPy(value)));
    }

    private void loadNone() {
        loadConst(Expr.Constant.NONE);
    }

    // ------------------------------------------------------------------ modules

    private PyCode compileModule(List<Stmt> body, Object key) {
        Scope scope = symbols.scopeOf(key);
        enter(scope, "<module>", "<module>", 1);
        int start = 0;
        if (mode == Mode.EXEC && !body.isEmpty() && docstring(body) != null) {
            setLocation(body.get(0).pos());
            loadConst(docstring(body));
            storeName("__doc__");
            start = 1;
        }
        if (hasAnnotations(body)) {
            emit(Opcode.SETUP_ANNOTATIONS);
        }
        for (int i = start; i < body.size(); i++) {
            body.get(i).accept(this);
        }
        // the implicit return; the assembler drops it when no path reaches it
        loadNone();
        emit(Opcode.RETURN_VALUE);
        return leave();
    }

    private PyCode compileExpressionModule(Expr e, Object key) {
        enter(symbols.scopeOf(key), "<module>", "<module>", 1);
        setLocation(e.pos());
        visitExpr(e);
        emit(Opcode.RETURN_VALUE);
        return leave();
    }

    private static boolean hasAnnotations(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.AnnAssign) {
                return true;
            }
            if (s instanceof Stmt.If i && (hasAnnotations(i.body()) || hasAnnotations(i.orelse()))) {
                return true;
            }
            if (s instanceof Stmt.For f && (hasAnnotations(f.body()) || hasAnnotations(f.orelse()))) {
                return true;
            }
            if (s instanceof Stmt.While w && (hasAnnotations(w.body()) || hasAnnotations(w.orelse()))) {
                return true;
            }
            if (s instanceof Stmt.With w && hasAnnotations(w.body())) {
                return true;
            }
            if (s instanceof Stmt.Try t && (hasAnnotations(t.body()) || hasAnnotations(t.orelse())
                    || hasAnnotations(t.finalbody()))) {
                return true;
            }
        }
        return false;
    }

    private static String docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant c
                && c.value() instanceof String s) {
            return s;
        }
        return null;
    }

    // ------------------------------------------------------------------ names

    /** CPython's private-name mangling: {@code __x} inside {@code class C} becomes {@code _C__x}. */
    private String mangle(String name) {
        String cls = classNames.peek();
        if (cls == null || !name.startsWith("__") || name.endsWith("__") || name.contains(".")) {
            return name;
        }
        String stripped = cls;
        while (stripped.startsWith("_")) {
            stripped = stripped.substring(1);
        }
        if (stripped.isEmpty()) {
            return name;
        }
        return "_" + stripped + name;
    }

    private enum NameOp {
        LOAD, STORE, DELETE
    }

    private void nameOp(String rawName, NameOp op) {
        String name = mangle(rawName);
        if (op == NameOp.LOAD && name.equals("__debug__")) {
            loadConst(Boolean.TRUE);
            return;
        }
        Scope scope = unit.scope;
        Scope.Binding b = scope.binding(name);
        boolean function = scope.kind == Scope.Kind.FUNCTION;
        switch (b) {
            case FREE:
            case CELL: {
                if (scope.kind == Scope.Kind.CLASS && b == Scope.Binding.FREE && op == NameOp.LOAD
                        && !scope.cells.contains(name)) {
                    emit(Opcode.LOAD_CLASSDEREF, unit.derefIndex(name));
                    return;
                }
                if (scope.kind == Scope.Kind.CLASS && scope.bindings.get(name) == Scope.Binding.LOCAL) {
                    break;
                }
                int i = unit.derefIndex(name);
                emit(op == NameOp.LOAD ? Opcode.LOAD_DEREF : op == NameOp.STORE ? Opcode.STORE_DEREF : Opcode.DELETE_DEREF, i);
                return;
            }
            case LOCAL:
                if (function) {
                    int i = unit.varIndex(name);
                    emit(op == NameOp.LOAD ? Opcode.LOAD_FAST : op == NameOp.STORE ? Opcode.STORE_FAST : Opcode.DELETE_FAST, i);
                    return;
                }
                break;
            case GLOBAL_IMPLICIT:
                if (function) {
                    globalOp(name, op);
                    return;
                }
                break;
            case GLOBAL_EXPLICIT:
                globalOp(name, op);
                return;
            default:
                break;
        }
        int i = unit.addName(name);
        emit(op == NameOp.LOAD ? Opcode.LOAD_NAME : op == NameOp.STORE ? Opcode.STORE_NAME : Opcode.DELETE_NAME, i);
    }

    private void globalOp(String name, NameOp op) {
        int i = unit.addName(name);
        emit(op == NameOp.LOAD ? Opcode.LOAD_GLOBAL : op == NameOp.STORE ? Opcode.STORE_GLOBAL : Opcode.DELETE_GLOBAL, i);
    }

    private void storeName(String name) {
        nameOp(name, NameOp.STORE);
    }

    // ------------------------------------------------------------------ statements

    private void body(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            s.accept(this);
        }
    }

    @Override
    public Void visitFunctionDef(Stmt.FunctionDef f) {
        if (f.isAsync()) {
            throw new NotSupportedError("'async def'");
        }
        setLocation(f.pos());
        for (Expr d : f.decorators()) {
            visitExpr(d);
        }
        setLocation(f.pos());
        int flags = defaults(f.args());
        flags |= annotations(f.args(), f.returns());
        Scope scope = symbols.scopeOf(f);
        String qualname = qualname(f.name());
        int firstLine = f.decorators().isEmpty() ? f.pos().line() : f.decorators().get(0).pos().line();
        enter(scope, f.name(), qualname, firstLine);
        setArgCounts(f.args());
        String doc = docstring(f.body());
        unit.addConst(doc != null ? doc : Expr.Constant.NONE, Constants.toPy(doc != null ? doc : Expr.Constant.NONE));
        if (scope.isGenerator) {
            setLocation(f.pos());
            emit(Opcode.GEN_START, 0);
        }
        List<Stmt> stmts = doc != null ? f.body().subList(1, f.body().size()) : f.body();
        body(stmts);
        // the implicit return; the assembler drops it when no path reaches it
        loadNone();
        emit(Opcode.RETURN_VALUE);
        PyCode code = leave();
        setLocation(f.pos());
        makeClosure(code, qualname, flags);
        for (int i = 0; i < f.decorators().size(); i++) {
            emit(Opcode.CALL_FUNCTION, 1);
        }
        storeName(f.name());
        return null;
    }

    private void setArgCounts(Expr.Arguments a) {
        unit.argCount = a.posonlyargs().size() + a.args().size();
        unit.posonlyCount = a.posonlyargs().size();
        unit.kwonlyCount = a.kwonlyargs().size();
        if (a.vararg() != null) {
            unit.flags |= PyCode.CO_VARARGS;
        }
        if (a.kwarg() != null) {
            unit.flags |= PyCode.CO_VARKEYWORDS;
        }
    }

    /** Pushes positional and keyword-only defaults; returns the MAKE_FUNCTION flags for them. */
    private int defaults(Expr.Arguments a) {
        int flags = 0;
        if (!a.defaults().isEmpty()) {
            Expr.Tuple t = new Expr.Tuple(a.defaults().get(0).pos(), a.defaults(), Expr.Ctx.LOAD);
            visitExpr(t);
            flags |= Opcode.MAKE_DEFAULTS;
        }
        int n = 0;
        for (int i = 0; i < a.kwonlyargs().size(); i++) {
            Expr d = a.kwDefaults().get(i);
            if (d != null) {
                loadConst(mangle(a.kwonlyargs().get(i).name()));
                visitExpr(d);
                n++;
            }
        }
        if (n > 0) {
            emit(Opcode.BUILD_MAP, n);
            flags |= Opcode.MAKE_KWDEFAULTS;
        }
        return flags;
    }

    /** Pushes the annotations tuple (name, value pairs, as 3.10); returns the flag if any. */
    private int annotations(Expr.Arguments a, Expr returns) {
        int n = 0;
        for (Expr.Arg arg : SymbolTable.allArgs(a)) {
            if (arg.annotation() != null) {
                loadConst(mangle(arg.name()));
                visitExpr(arg.annotation());
                n++;
            }
        }
        if (returns != null) {
            loadConst("return");
            visitExpr(returns);
            n++;
        }
        if (n == 0) {
            return 0;
        }
        emit(Opcode.BUILD_TUPLE, 2 * n);
        return Opcode.MAKE_ANNOTATIONS;
    }

    private String qualname(String name) {
        CodeUnit parentUnit = unit;
        if (parentUnit == null || parentUnit.scope.kind == Scope.Kind.MODULE) {
            return name;
        }
        Scope parent = parentUnit.scope;
        String base = parentUnit.qualname;
        if (parent.kind == Scope.Kind.FUNCTION) {
            return base + ".<locals>." + name;
        }
        return base + "." + name;
    }

    /** Pushes the closure tuple, the code and its qualified name, then MAKE_FUNCTION. */
    private void makeClosure(PyCode code, String qualname, int flags) {
        int nfree = code.freevars().size();
        if (nfree > 0) {
            for (int i = 0; i < nfree; i++) {
                String name = ((PyStr) code.freevars().get(i)).value();
                emit(Opcode.LOAD_CLOSURE, unit.derefIndex(name));
            }
            emit(Opcode.BUILD_TUPLE, nfree);
            flags |= Opcode.MAKE_CLOSURE;
        }
        emit(Opcode.LOAD_CONST, unit.addConst(ConstKeys.unique(), code));
        loadConst(qualname);
        emit(Opcode.MAKE_FUNCTION, flags);
    }

    @Override
    public Void visitClassDef(Stmt.ClassDef c) {
        setLocation(c.pos());
        for (Expr d : c.decorators()) {
            visitExpr(d);
        }
        setLocation(c.pos());
        emit(Opcode.LOAD_BUILD_CLASS);
        Scope scope = symbols.scopeOf(c);
        String qualname = qualname(c.name());
        int firstLine = c.decorators().isEmpty() ? c.pos().line() : c.decorators().get(0).pos().line();
        enter(scope, c.name(), qualname, firstLine);
        classNames.push(c.name());
        setLocation(c.pos());
        nameOp("__name__", NameOp.LOAD);
        storeName("__module__");
        loadConst(qualname);
        storeName("__qualname__");
        String doc = docstring(c.body());
        List<Stmt> stmts = c.body();
        if (doc != null) {
            setLocation(c.body().get(0).pos());
            loadConst(doc);
            storeName("__doc__");
            stmts = stmts.subList(1, stmts.size());
        }
        if (hasAnnotations(stmts)) {
            emit(Opcode.SETUP_ANNOTATIONS);
        }
        body(stmts);
        classNames.pop();
        setLocation(c.pos());
        if (scope.needsClassCell) {
            emit(Opcode.LOAD_CLOSURE, unit.derefIndex("__class__"));
            emit(Opcode.DUP_TOP);
            storeName("__classcell__");
        } else {
            loadNone();
        }
        emit(Opcode.RETURN_VALUE);
        PyCode code = leave();
        setLocation(c.pos());
        makeClosure(code, qualname, 0);
        loadConst(c.name());
        callHelper(2, c.bases(), c.keywords());
        for (int i = 0; i < c.decorators().size(); i++) {
            emit(Opcode.CALL_FUNCTION, 1);
        }
        storeName(c.name());
        return null;
    }

    @Override
    public Void visitReturn(Stmt.Return r) {
        setLocation(r.pos());
        if (unit.scope.kind != Scope.Kind.FUNCTION || unit.scope.isComprehension) {
            throw error("'return' outside function", r);
        }
        Object constant = r.value() == null ? Expr.Constant.NONE : Constants.fold(r.value());
        boolean preserve = r.value() != null && constant == null;
        if (preserve) {
            visitExpr(r.value());
        }
        unwindAll(preserve);
        setLocation(r.pos());
        if (!preserve) {
            loadConst(constant);
        }
        emit(Opcode.RETURN_VALUE);
        return null;
    }

    @Override
    public Void visitDelete(Stmt.Delete d) {
        setLocation(d.pos());
        for (Expr t : d.targets()) {
            delete(t);
        }
        return null;
    }

    private void delete(Expr t) {
        if (t instanceof Expr.Name n) {
            nameOp(n.id(), NameOp.DELETE);
        } else if (t instanceof Expr.Attribute a) {
            visitExpr(a.value());
            emit(Opcode.DELETE_ATTR, unit.addName(mangle(a.attr())));
        } else if (t instanceof Expr.Subscript s) {
            visitExpr(s.value());
            subscriptIndex(s.slice());
            emit(Opcode.DELETE_SUBSCR);
        } else if (t instanceof Expr.Tuple tt) {
            for (Expr e : tt.elts()) {
                delete(e);
            }
        } else if (t instanceof Expr.ListExpr l) {
            for (Expr e : l.elts()) {
                delete(e);
            }
        } else {
            throw error("cannot delete expression", t);
        }
    }

    @Override
    public Void visitAssign(Stmt.Assign a) {
        setLocation(a.pos());
        // a, b = b, a: 3.10's peephole turns BUILD_TUPLE n + UNPACK_SEQUENCE n into rotations
        if (a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Tuple target && a.value() instanceof Expr.Tuple value
                && target.elts().size() == value.elts().size() && value.elts().size() >= 2 && value.elts().size() <= 3
                && noStarred(target.elts()) && noStarred(value.elts()) && Constants.fold(value) == null) {
            for (Expr e : value.elts()) {
                visitExpr(e);
            }
            if (value.elts().size() == 2) {
                emit(Opcode.ROT_TWO);
            } else {
                emit(Opcode.ROT_THREE);
                emit(Opcode.ROT_TWO);
            }
            for (Expr e : target.elts()) {
                store(e);
            }
            return null;
        }
        visitExpr(a.value());
        for (int i = 0; i < a.targets().size(); i++) {
            if (i < a.targets().size() - 1) {
                emit(Opcode.DUP_TOP);
            }
            store(a.targets().get(i));
        }
        return null;
    }

    private static boolean noStarred(List<Expr> elts) {
        for (Expr e : elts) {
            if (e instanceof Expr.Starred) {
                return false;
            }
        }
        return true;
    }

    /** Stores TOS into a target (name, attribute, subscript, or an unpacking). */
    private void store(Expr t) {
        int[] loc = saveLocation();
        setLocation(t.pos());
        if (t instanceof Expr.Name n) {
            nameOp(n.id(), NameOp.STORE);
        } else if (t instanceof Expr.Attribute a) {
            visitExpr(a.value());
            setLocation(t.pos());
            emit(Opcode.STORE_ATTR, unit.addName(mangle(a.attr())));
        } else if (t instanceof Expr.Subscript s) {
            visitExpr(s.value());
            subscriptIndex(s.slice());
            setLocation(t.pos());
            emit(Opcode.STORE_SUBSCR);
        } else if (t instanceof Expr.Tuple tt) {
            unpack(tt.elts(), t);
        } else if (t instanceof Expr.ListExpr l) {
            unpack(l.elts(), t);
        } else if (t instanceof Expr.Starred s) {
            throw error("starred assignment target must be in a list or tuple", s);
        } else {
            throw error("cannot assign to expression", t);
        }
        restoreLocation(loc);
    }

    private void unpack(List<Expr> elts, Expr at) {
        int starIndex = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Expr.Starred) {
                if (starIndex >= 0) {
                    throw error("multiple starred expressions in assignment", elts.get(i));
                }
                starIndex = i;
            }
        }
        if (starIndex < 0) {
            emit(Opcode.UNPACK_SEQUENCE, elts.size());
        } else {
            int after = elts.size() - starIndex - 1;
            if (starIndex >= 256 || after >= (1 << 24)) {
                throw error("too many expressions in star-unpacking assignment", at);
            }
            emit(Opcode.UNPACK_EX, starIndex | (after << 8));
        }
        for (Expr e : elts) {
            store(e instanceof Expr.Starred s ? s.value() : e);
        }
    }

    @Override
    public Void visitAugAssign(Stmt.AugAssign a) {
        // As CPython's compiler_augassign: loading and storing the target carry the target's
        // range (a traceback marks 'total' in 'total += 1'), the operation the statement's.
        Opcode op = inplaceOpcode(a.op());
        Expr t = a.target();
        setLocation(t.pos());
        if (t instanceof Expr.Name n) {
            nameOp(n.id(), NameOp.LOAD);
            visitExpr(a.value());
            setLocation(a.pos());
            emit(op);
            setLocation(t.pos());
            nameOp(n.id(), NameOp.STORE);
        } else if (t instanceof Expr.Attribute at) {
            visitExpr(at.value());
            setLocation(t.pos());
            emit(Opcode.DUP_TOP);
            emit(Opcode.LOAD_ATTR, unit.addName(mangle(at.attr())));
            visitExpr(a.value());
            setLocation(a.pos());
            emit(op);
            setLocation(t.pos());
            emit(Opcode.ROT_TWO);
            emit(Opcode.STORE_ATTR, unit.addName(mangle(at.attr())));
        } else if (t instanceof Expr.Subscript s) {
            visitExpr(s.value());
            subscriptIndex(s.slice());
            setLocation(t.pos());
            emit(Opcode.DUP_TOP_TWO);
            emit(Opcode.BINARY_SUBSCR);
            visitExpr(a.value());
            setLocation(a.pos());
            emit(op);
            setLocation(t.pos());
            emit(Opcode.ROT_THREE);
            emit(Opcode.STORE_SUBSCR);
        } else {
            throw error("'" + t.getClass().getSimpleName() + "' is an illegal expression for augmented assignment", t);
        }
        return null;
    }

    @Override
    public Void visitAnnAssign(Stmt.AnnAssign a) {
        setLocation(a.pos());
        if (a.value() != null) {
            visitExpr(a.value());
            store(a.target());
        }
        if (a.target() instanceof Expr.Name n && a.simple() && unit.scope.kind != Scope.Kind.FUNCTION) {
            visitExpr(a.annotation());
            nameOp("__annotations__", NameOp.LOAD);
            loadConst(mangle(n.id()));
            emit(Opcode.STORE_SUBSCR);
        } else if (!(a.target() instanceof Expr.Name) && a.value() == null) {
            // the target's parts are evaluated for their side effects, as CPython does
            if (a.target() instanceof Expr.Attribute at) {
                visitExpr(at.value());
                emit(Opcode.POP_TOP);
            } else if (a.target() instanceof Expr.Subscript s) {
                visitExpr(s.value());
                emit(Opcode.POP_TOP);
                subscriptIndex(s.slice());
                emit(Opcode.POP_TOP);
            }
        }
        return null;
    }

    @Override
    public Void visitFor(Stmt.For f) {
        if (f.isAsync()) {
            throw new NotSupportedError("'async for'");
        }
        CodeUnit.Label start = unit.newLabel();
        CodeUnit.Label cleanup = unit.newLabel();
        CodeUnit.Label end = unit.newLabel();
        setLocation(f.pos());
        visitExpr(f.iter());
        setLocation(f.pos());
        emit(Opcode.GET_ITER);
        unit.bind(start);
        jump(Opcode.FOR_ITER, cleanup);
        blocks().push(new Block(BlockKind.FOR_LOOP, start, end, null));
        store(f.target());
        body(f.body());
        blocks().pop();
        jump(Opcode.JUMP_ABSOLUTE, start);
        unit.bind(cleanup);
        body(f.orelse());
        unit.bind(end);
        return null;
    }

    @Override
    public Void visitWhile(Stmt.While w) {
        setLocation(w.pos());
        Object constant = Constants.fold(w.test());
        CodeUnit.Label loop = unit.newLabel();
        CodeUnit.Label body = unit.newLabel();
        CodeUnit.Label anchor = unit.newLabel();
        CodeUnit.Label end = unit.newLabel();
        if (constant != null && !truth(constant)) {
            // while False: only the else branch runs
            body(w.orelse());
            return null;
        }
        boolean infinite = constant != null;
        if (!infinite) {
            jumpIf(w.test(), anchor, false);
        }
        unit.bind(body);
        unit.bind(loop);
        blocks().push(new Block(BlockKind.WHILE_LOOP, loop, end, null));
        body(w.body());
        blocks().pop();
        setLocation(w.pos());
        if (infinite) {
            jump(Opcode.JUMP_ABSOLUTE, loop);
        } else {
            jumpIf(w.test(), body, true);
        }
        unit.bind(anchor);
        body(w.orelse());
        unit.bind(end);
        return null;
    }

    @Override
    public Void visitIf(Stmt.If s) {
        setLocation(s.pos());
        Object constant = Constants.fold(s.test());
        if (constant != null) {
            body(truth(constant) ? s.body() : s.orelse());
            return null;
        }
        CodeUnit.Label end = unit.newLabel();
        CodeUnit.Label next = s.orelse().isEmpty() ? end : unit.newLabel();
        jumpIf(s.test(), next, false);
        body(s.body());
        if (!s.orelse().isEmpty()) {
            if (!unit.lastIsTerminal()) {
                jump(Opcode.JUMP_FORWARD, end);
            }
            unit.bind(next);
            body(s.orelse());
        }
        unit.bind(end);
        return null;
    }

    private static boolean truth(Object constant) {
        if (constant == Expr.Constant.NONE) {
            return false;
        }
        if (constant == Expr.Constant.ELLIPSIS) {
            return true;
        }
        if (constant instanceof Boolean b) {
            return b;
        }
        if (constant instanceof Long l) {
            return l != 0;
        }
        if (constant instanceof java.math.BigInteger) {
            return true;
        }
        if (constant instanceof Double d) {
            return d != 0.0;
        }
        if (constant instanceof String s) {
            return !s.isEmpty();
        }
        if (constant instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    @Override
    public Void visitWith(Stmt.With w) {
        if (w.isAsync()) {
            throw new NotSupportedError("'async with'");
        }
        with(w, 0);
        return null;
    }

    private void with(Stmt.With w, int pos) {
        CodeUnit.Label block = unit.newLabel();
        CodeUnit.Label fin = unit.newLabel();
        CodeUnit.Label exit = unit.newLabel();
        Stmt.WithItem item = w.items().get(pos);
        setLocation(w.pos());
        visitExpr(item.contextExpr());
        setLocation(w.pos());
        jump(Opcode.SETUP_WITH, fin);
        unit.bind(block);
        blocks().push(new Block(BlockKind.WITH, block, fin, w));
        if (item.optionalVars() != null) {
            store(item.optionalVars());
        } else {
            emit(Opcode.POP_TOP);
        }
        if (pos + 1 == w.items().size()) {
            body(w.body());
        } else {
            with(w, pos + 1);
        }
        blocks().pop();
        // 3.10 marks POP_BLOCK artificial: it keeps the line of the body's last instruction.
        emit(Opcode.POP_BLOCK);
        setLocation(w.pos());
        callExitWithNones();
        emit(Opcode.POP_TOP);
        jump(Opcode.JUMP_FORWARD, exit);
        unit.bind(fin);
        emit(Opcode.WITH_EXCEPT_START);
        withExceptFinish();
        unit.bind(exit);
    }

    private void callExitWithNones() {
        loadNone();
        emit(Opcode.DUP_TOP);
        emit(Opcode.DUP_TOP);
        emit(Opcode.CALL_FUNCTION, 3);
    }

    private void withExceptFinish() {
        CodeUnit.Label exit = unit.newLabel();
        jump(Opcode.POP_JUMP_IF_TRUE, exit);
        emit(Opcode.RERAISE, 1);
        unit.bind(exit);
        emit(Opcode.POP_TOP);
        emit(Opcode.POP_TOP);
        emit(Opcode.POP_TOP);
        emit(Opcode.POP_EXCEPT);
        emit(Opcode.POP_TOP);
    }

    @Override
    public Void visitRaise(Stmt.Raise r) {
        setLocation(r.pos());
        int n = 0;
        if (r.exc() != null) {
            visitExpr(r.exc());
            n++;
            if (r.cause() != null) {
                visitExpr(r.cause());
                n++;
            }
        }
        setLocation(r.pos());
        emit(Opcode.RAISE_VARARGS, n);
        return null;
    }

    @Override
    public Void visitTry(Stmt.Try t) {
        setLocation(t.pos());
        if (!t.finalbody().isEmpty()) {
            tryFinally(t);
        } else {
            tryExcept(t);
        }
        return null;
    }

    private void tryFinally(Stmt.Try t) {
        CodeUnit.Label body = unit.newLabel();
        CodeUnit.Label end = unit.newLabel();
        CodeUnit.Label exit = unit.newLabel();
        jump(Opcode.SETUP_FINALLY, end);
        unit.bind(body);
        blocks().push(new Block(BlockKind.FINALLY_TRY, body, end, t.finalbody()));
        if (!t.handlers().isEmpty()) {
            tryExcept(t);
        } else {
            body(t.body());
        }
        emit(Opcode.POP_BLOCK);
        blocks().pop();
        body(t.finalbody());
        jump(Opcode.JUMP_FORWARD, exit);
        unit.bind(end);
        blocks().push(new Block(BlockKind.FINALLY_END, end, null, null));
        body(t.finalbody());
        blocks().pop();
        emit(Opcode.RERAISE, 0);
        unit.bind(exit);
    }

    private void tryExcept(Stmt.Try t) {
        CodeUnit.Label body = unit.newLabel();
        CodeUnit.Label except = unit.newLabel();
        CodeUnit.Label orelse = unit.newLabel();
        CodeUnit.Label end = unit.newLabel();
        setLocation(t.pos());
        jump(Opcode.SETUP_FINALLY, except);
        unit.bind(body);
        blocks().push(new Block(BlockKind.TRY_EXCEPT, body, null, null));
        body(t.body());
        blocks().pop();
        emit(Opcode.POP_BLOCK);
        jump(Opcode.JUMP_FORWARD, orelse);
        unit.bind(except);
        blocks().push(new Block(BlockKind.EXCEPTION_HANDLER, null, null, null));
        List<Stmt.ExceptHandler> handlers = t.handlers();
        for (int i = 0; i < handlers.size(); i++) {
            Stmt.ExceptHandler h = handlers.get(i);
            setLocation(h.pos());
            if (h.type() == null && i < handlers.size() - 1) {
                throw symbols.error("default 'except:' must be last", h.pos());
            }
            CodeUnit.Label next = unit.newLabel();
            if (h.type() != null) {
                emit(Opcode.DUP_TOP);
                visitExpr(h.type());
                setLocation(h.pos());
                jump(Opcode.JUMP_IF_NOT_EXC_MATCH, next);
            }
            emit(Opcode.POP_TOP);
            if (h.name() != null) {
                CodeUnit.Label cleanupEnd = unit.newLabel();
                CodeUnit.Label cleanupBody = unit.newLabel();
                storeName(h.name());
                emit(Opcode.POP_TOP);
                jump(Opcode.SETUP_FINALLY, cleanupEnd);
                unit.bind(cleanupBody);
                blocks().push(new Block(BlockKind.HANDLER_CLEANUP, cleanupBody, null, h.name()));
                body(h.body());
                blocks().pop();
                setLocation(h.pos());
                emit(Opcode.POP_BLOCK);
                emit(Opcode.POP_EXCEPT);
                loadNone();
                storeName(h.name());
                nameOp(h.name(), NameOp.DELETE);
                jump(Opcode.JUMP_FORWARD, end);
                unit.bind(cleanupEnd);
                loadNone();
                storeName(h.name());
                nameOp(h.name(), NameOp.DELETE);
                emit(Opcode.RERAISE, 1);
            } else {
                CodeUnit.Label cleanupBody = unit.newLabel();
                emit(Opcode.POP_TOP);
                emit(Opcode.POP_TOP);
                unit.bind(cleanupBody);
                blocks().push(new Block(BlockKind.HANDLER_CLEANUP, cleanupBody, null, null));
                body(h.body());
                blocks().pop();
                emit(Opcode.POP_EXCEPT);
                jump(Opcode.JUMP_FORWARD, end);
            }
            unit.bind(next);
        }
        blocks().pop();
        // Reached only from the last handler's failed match: 3.10 gives it that handler's line.
        setLocation(handlers.get(handlers.size() - 1).pos());
        emit(Opcode.RERAISE, 0);
        unit.bind(orelse);
        body(t.orelse());
        unit.bind(end);
    }

    @Override
    public Void visitAssert(Stmt.Assert a) {
        setLocation(a.pos());
        CodeUnit.Label end = unit.newLabel();
        jumpIf(a.test(), end, true);
        emit(Opcode.LOAD_ASSERTION_ERROR);
        if (a.msg() != null) {
            visitExpr(a.msg());
            emit(Opcode.CALL_FUNCTION, 1);
        }
        emit(Opcode.RAISE_VARARGS, 1);
        unit.bind(end);
        return null;
    }

    @Override
    public Void visitImport(Stmt.Import s) {
        setLocation(s.pos());
        for (Stmt.Alias a : s.names()) {
            loadConst(0L);
            loadNone();
            emit(Opcode.IMPORT_NAME, unit.addName(a.name()));
            if (a.asname() != null) {
                String[] parts = a.name().split("\\.");
                if (parts.length > 1) {
                    // import a.b.c as d: walk down to the submodule
                    for (int i = 1; i < parts.length; i++) {
                        emit(Opcode.IMPORT_FROM, unit.addName(parts[i]));
                        if (i < parts.length - 1) {
                            emit(Opcode.ROT_TWO);
                            emit(Opcode.POP_TOP);
                        }
                    }
                    storeName(a.asname());
                    emit(Opcode.POP_TOP);
                } else {
                    storeName(a.asname());
                }
            } else {
                storeName(a.name().split("\\.")[0]);
            }
        }
        return null;
    }

    @Override
    public Void visitImportFrom(Stmt.ImportFrom s) {
        setLocation(s.pos());
        loadConst((long) s.level());
        List<Object> names = new ArrayList<>();
        for (Stmt.Alias a : s.names()) {
            names.add(a.name());
        }
        loadConst(names);
        emit(Opcode.IMPORT_NAME, unit.addName(s.module() == null ? "" : s.module()));
        if (s.names().size() == 1 && s.names().get(0).name().equals("*")) {
            emit(Opcode.IMPORT_STAR);
            return null;
        }
        for (Stmt.Alias a : s.names()) {
            emit(Opcode.IMPORT_FROM, unit.addName(a.name()));
            storeName(a.asname() != null ? a.asname() : a.name());
        }
        emit(Opcode.POP_TOP);
        return null;
    }

    @Override
    public Void visitGlobal(Stmt.Global s) {
        return null;
    }

    @Override
    public Void visitNonlocal(Stmt.Nonlocal s) {
        return null;
    }

    @Override
    public Void visitExprStmt(Stmt.ExprStmt s) {
        setLocation(s.pos());
        if (mode == Mode.SINGLE && unit.scope.kind == Scope.Kind.MODULE) {
            visitExpr(s.value());
            emit(Opcode.PRINT_EXPR);
            return null;
        }
        if (s.value() instanceof Expr.Constant) {
            return null; // a constant statement does nothing (CPython emits a NOP)
        }
        visitExpr(s.value());
        emit(Opcode.POP_TOP);
        return null;
    }

    @Override
    public Void visitPass(Stmt.Pass s) {
        return null;
    }

    @Override
    public Void visitBreak(Stmt.Break s) {
        setLocation(s.pos());
        Block loop = unwindToLoop(false);
        if (loop == null) {
            throw error("'break' outside loop", s);
        }
        unwind(loop, false);
        jump(Opcode.JUMP_ABSOLUTE, loop.exit());
        return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue s) {
        setLocation(s.pos());
        Block loop = unwindToLoop(false);
        if (loop == null) {
            throw error("'continue' not properly in loop", s);
        }
        jump(Opcode.JUMP_ABSOLUTE, loop.start());
        return null;
    }

    @Override
    public Void visitUnsupported(Stmt.Unsupported s) {
        throw new NotSupportedError(s.feature());
    }

    // ------------------------------------------------------------------ unwinding

    /**
     * Emits the unwinding of every block up to the innermost loop (not the loop itself) and
     * returns that loop, or null if there is none.
     */
    private Block unwindToLoop(boolean preserveTop) {
        Deque<Block> stack = blocks();
        List<Block> removed = new ArrayList<>();
        Block found = null;
        try {
            while (!stack.isEmpty()) {
                Block top = stack.peek();
                if (top.kind() == BlockKind.WHILE_LOOP || top.kind() == BlockKind.FOR_LOOP) {
                    found = top;
                    break;
                }
                stack.pop();
                removed.add(top);
                unwind(top, preserveTop);
            }
        } finally {
            for (int i = removed.size() - 1; i >= 0; i--) {
                stack.push(removed.get(i));
            }
        }
        return found;
    }

    /** Emits the unwinding of every block, for a return. */
    private void unwindAll(boolean preserveTop) {
        Deque<Block> stack = blocks();
        List<Block> removed = new ArrayList<>();
        try {
            while (!stack.isEmpty()) {
                Block top = stack.pop();
                removed.add(top);
                unwind(top, preserveTop);
            }
        } finally {
            for (int i = removed.size() - 1; i >= 0; i--) {
                stack.push(removed.get(i));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void unwind(Block b, boolean preserveTop) {
        switch (b.kind()) {
            case WHILE_LOOP:
            case EXCEPTION_HANDLER:
                return;
            case FOR_LOOP:
                if (preserveTop) {
                    emit(Opcode.ROT_TWO);
                }
                emit(Opcode.POP_TOP);
                return;
            case TRY_EXCEPT:
                emit(Opcode.POP_BLOCK);
                return;
            case FINALLY_TRY: {
                emit(Opcode.POP_BLOCK);
                if (preserveTop) {
                    blocks().push(new Block(BlockKind.POP_VALUE, null, null, null));
                }
                int[] loc = saveLocation();
                body((List<Stmt>) b.datum());
                restoreLocation(loc);
                if (preserveTop) {
                    blocks().pop();
                }
                return;
            }
            case FINALLY_END:
                if (preserveTop) {
                    emit(Opcode.ROT_FOUR);
                }
                emit(Opcode.POP_TOP);
                emit(Opcode.POP_TOP);
                emit(Opcode.POP_TOP);
                if (preserveTop) {
                    emit(Opcode.ROT_FOUR);
                }
                emit(Opcode.POP_EXCEPT);
                return;
            case WITH: {
                int[] loc = saveLocation();
                setLocation(((Stmt) b.datum()).pos());
                emit(Opcode.POP_BLOCK);
                if (preserveTop) {
                    emit(Opcode.ROT_TWO);
                }
                callExitWithNones();
                emit(Opcode.POP_TOP);
                restoreLocation(loc);
                return;
            }
            case HANDLER_CLEANUP:
                if (b.datum() != null) {
                    emit(Opcode.POP_BLOCK);
                }
                if (preserveTop) {
                    emit(Opcode.ROT_FOUR);
                }
                emit(Opcode.POP_EXCEPT);
                if (b.datum() != null) {
                    loadNone();
                    storeName((String) b.datum());
                    nameOp((String) b.datum(), NameOp.DELETE);
                }
                return;
            case POP_VALUE:
                if (preserveTop) {
                    emit(Opcode.ROT_TWO);
                }
                emit(Opcode.POP_TOP);
                return;
            default:
                throw new IllegalStateException("unknown block " + b.kind());
        }
    }

    // ------------------------------------------------------------------ conditional jumps

    /** Jumps to {@code target} when the truth of {@code e} equals {@code cond}: CPython's {@code compiler_jump_if}. */
    private void jumpIf(Expr e, CodeUnit.Label target, boolean cond) {
        int[] loc = saveLocation();
        setLocation(e.pos());
        try {
            if (e instanceof Expr.UnaryOp u && u.op() == Expr.UnaryKind.NOT) {
                jumpIf(u.operand(), target, !cond);
                return;
            }
            if (e instanceof Expr.BoolOp b) {
                boolean and = b.isAnd();
                List<Expr> values = b.values();
                if (and != cond) {
                    // (a and b) jumping when false, (a or b) jumping when true: every value can jump
                    for (Expr v : values) {
                        jumpIf(v, target, cond);
                    }
                    return;
                }
                CodeUnit.Label next = unit.newLabel();
                for (int i = 0; i < values.size() - 1; i++) {
                    jumpIf(values.get(i), next, !cond);
                }
                jumpIf(values.get(values.size() - 1), target, cond);
                unit.bind(next);
                return;
            }
            if (e instanceof Expr.IfExp i) {
                CodeUnit.Label end = unit.newLabel();
                CodeUnit.Label next2 = unit.newLabel();
                jumpIf(i.test(), next2, false);
                jumpIf(i.body(), target, cond);
                jump(Opcode.JUMP_FORWARD, end);
                unit.bind(next2);
                jumpIf(i.orelse(), target, cond);
                unit.bind(end);
                return;
            }
            if (e instanceof Expr.Compare c && c.ops().size() > 1) {
                CodeUnit.Label cleanup = unit.newLabel();
                visitExpr(c.left());
                int n = c.ops().size() - 1;
                for (int i = 0; i < n; i++) {
                    visitExpr(c.comparators().get(i));
                    emit(Opcode.DUP_TOP);
                    emit(Opcode.ROT_THREE);
                    compareOp(c.ops().get(i));
                    jump(Opcode.POP_JUMP_IF_FALSE, cleanup);
                }
                visitExpr(c.comparators().get(n));
                compareOp(c.ops().get(n));
                jump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, target);
                CodeUnit.Label end = unit.newLabel();
                jump(Opcode.JUMP_FORWARD, end);
                unit.bind(cleanup);
                emit(Opcode.POP_TOP);
                if (!cond) {
                    jump(Opcode.JUMP_FORWARD, target);
                }
                unit.bind(end);
                return;
            }
            Object constant = Constants.fold(e);
            if (constant != null) {
                if (truth(constant) == cond) {
                    jump(Opcode.JUMP_ABSOLUTE, target);
                }
                return;
            }
            visitExpr(e);
            jump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, target);
        } finally {
            restoreLocation(loc);
        }
    }

    // ------------------------------------------------------------------ expressions

    private void visitExpr(Expr e) {
        int[] loc = saveLocation();
        setLocation(e.pos());
        e.accept(this);
        restoreLocation(loc);
    }

    @Override
    public Void visitBoolOp(Expr.BoolOp e) {
        CodeUnit.Label end = unit.newLabel();
        Opcode op = e.isAnd() ? Opcode.JUMP_IF_FALSE_OR_POP : Opcode.JUMP_IF_TRUE_OR_POP;
        List<Expr> values = e.values();
        for (int i = 0; i < values.size() - 1; i++) {
            visitExpr(values.get(i));
            setLocation(e.pos());
            jump(op, end);
        }
        visitExpr(values.get(values.size() - 1));
        unit.bind(end);
        return null;
    }

    @Override
    public Void visitNamedExpr(Expr.NamedExpr e) {
        visitExpr(e.value());
        emit(Opcode.DUP_TOP);
        store(e.target());
        return null;
    }

    @Override
    public Void visitBinOp(Expr.BinOp e) {
        Object constant = Constants.fold(e);
        if (constant != null) {
            loadConst(constant);
            return null;
        }
        visitExpr(e.left());
        visitExpr(e.right());
        setLocation(e.pos());
        emit(binaryOpcode(e.op()));
        return null;
    }

    @Override
    public Void visitUnaryOp(Expr.UnaryOp e) {
        Object constant = Constants.fold(e);
        if (constant != null) {
            loadConst(constant);
            return null;
        }
        visitExpr(e.operand());
        setLocation(e.pos());
        switch (e.op()) {
            case NOT:
                emit(Opcode.UNARY_NOT);
                break;
            case USUB:
                emit(Opcode.UNARY_NEGATIVE);
                break;
            case UADD:
                emit(Opcode.UNARY_POSITIVE);
                break;
            default:
                emit(Opcode.UNARY_INVERT);
                break;
        }
        return null;
    }

    @Override
    public Void visitLambda(Expr.Lambda e) {
        int flags = defaults(e.args());
        Scope scope = symbols.scopeOf(e);
        String qualname = qualname("<lambda>");
        enter(scope, "<lambda>", qualname, e.pos().line());
        setArgCounts(e.args());
        unit.addConst(Expr.Constant.NONE, Constants.toPy(Expr.Constant.NONE));
        setLocation(e.body().pos());
        if (scope.isGenerator) {
            emit(Opcode.GEN_START, 0);
        }
        visitExpr(e.body());
        if (scope.isGenerator) {
            emit(Opcode.POP_TOP);
            loadNone();
        }
        emit(Opcode.RETURN_VALUE);
        PyCode code = leave();
        setLocation(e.pos());
        makeClosure(code, qualname, flags);
        return null;
    }

    @Override
    public Void visitIfExp(Expr.IfExp e) {
        CodeUnit.Label end = unit.newLabel();
        CodeUnit.Label orelse = unit.newLabel();
        jumpIf(e.test(), orelse, false);
        visitExpr(e.body());
        jump(Opcode.JUMP_FORWARD, end);
        unit.bind(orelse);
        visitExpr(e.orelse());
        unit.bind(end);
        return null;
    }

    @Override
    public Void visitDict(Expr.Dict e) {
        int n = e.keys().size();
        boolean built = false;
        int i = 0;
        while (i < n) {
            if (e.keys().get(i) == null) {
                if (!built) {
                    emit(Opcode.BUILD_MAP, 0);
                    built = true;
                }
                visitExpr(e.values().get(i));
                emit(Opcode.DICT_UPDATE, 1);
                i++;
                continue;
            }
            int j = i;
            while (j < n && e.keys().get(j) != null && j - i < 0xFFFF) {
                j++;
            }
            dictChunk(e, i, j);
            if (built) {
                emit(Opcode.DICT_UPDATE, 1);
            }
            built = true;
            i = j;
        }
        if (!built) {
            emit(Opcode.BUILD_MAP, 0);
        }
        return null;
    }

    private void dictChunk(Expr.Dict e, int from, int to) {
        int count = to - from;
        boolean constantKeys = count > 1;
        List<Object> keys = new ArrayList<>();
        for (int i = from; i < to && constantKeys; i++) {
            Object k = Constants.fold(e.keys().get(i));
            if (k == null) {
                constantKeys = false;
            } else {
                keys.add(k);
            }
        }
        if (constantKeys) {
            for (int i = from; i < to; i++) {
                visitExpr(e.values().get(i));
            }
            loadConst(keys);
            emit(Opcode.BUILD_CONST_KEY_MAP, count);
            return;
        }
        for (int i = from; i < to; i++) {
            visitExpr(e.keys().get(i));
            visitExpr(e.values().get(i));
        }
        emit(Opcode.BUILD_MAP, count);
    }

    @Override
    public Void visitSet(Expr.Set e) {
        if (e.elts().size() > 2 && noStarred(e.elts())) {
            Object constant = Constants.fold(new Expr.Tuple(e.pos(), e.elts(), Expr.Ctx.LOAD));
            if (constant instanceof List<?> items) {
                // 3.10 builds a constant set from a frozenset constant
                emit(Opcode.BUILD_SET, 0);
                loadConst(new ConstKeys.FrozenSet(items));
                emit(Opcode.SET_UPDATE, 1);
                return null;
            }
        }
        starUnpack(e.elts(), Opcode.BUILD_SET, Opcode.SET_ADD, Opcode.SET_UPDATE, false);
        return null;
    }

    /** 3.10's {@code starunpack_helper}: a display with or without {@code *x} items. */
    private void starUnpack(List<Expr> elts, Opcode build, Opcode add, Opcode extend, boolean tuple) {
        boolean starred = !noStarred(elts);
        if (!starred) {
            if (elts.size() > 2 && build == Opcode.BUILD_LIST) {
                Object constant = Constants.fold(new Expr.Tuple(elts.get(0).pos(), elts, Expr.Ctx.LOAD));
                if (constant != null) {
                    emit(Opcode.BUILD_LIST, 0);
                    loadConst(constant);
                    emit(Opcode.LIST_EXTEND, 1);
                    return;
                }
            }
            for (Expr x : elts) {
                visitExpr(x);
            }
            emit(tuple ? Opcode.BUILD_TUPLE : build, elts.size());
            return;
        }
        int prefix = 0;
        while (prefix < elts.size() && !(elts.get(prefix) instanceof Expr.Starred)) {
            visitExpr(elts.get(prefix));
            prefix++;
        }
        emit(tuple ? Opcode.BUILD_LIST : build, prefix);
        for (int i = prefix; i < elts.size(); i++) {
            Expr x = elts.get(i);
            if (x instanceof Expr.Starred s) {
                visitExpr(s.value());
                emit(tuple ? Opcode.LIST_EXTEND : extend, 1);
            } else {
                visitExpr(x);
                emit(tuple ? Opcode.LIST_APPEND : add, 1);
            }
        }
        if (tuple) {
            emit(Opcode.LIST_TO_TUPLE);
        }
    }

    @Override
    public Void visitListComp(Expr.ListComp e) {
        comprehension(e, "<listcomp>", e.generators(), e.elt(), null, Opcode.BUILD_LIST);
        return null;
    }

    @Override
    public Void visitSetComp(Expr.SetComp e) {
        comprehension(e, "<setcomp>", e.generators(), e.elt(), null, Opcode.BUILD_SET);
        return null;
    }

    @Override
    public Void visitDictComp(Expr.DictComp e) {
        comprehension(e, "<dictcomp>", e.generators(), e.key(), e.value(), Opcode.BUILD_MAP);
        return null;
    }

    @Override
    public Void visitGeneratorExp(Expr.GeneratorExp e) {
        comprehension(e, "<genexpr>", e.generators(), e.elt(), null, null);
        return null;
    }

    private void comprehension(Expr node, String name, List<Expr.Comprehension> gens, Expr elt, Expr value, Opcode build) {
        Scope scope = symbols.scopeOf(node);
        String qualname = qualname(name);
        enter(scope, name, qualname, node.pos().line());
        unit.argCount = 1;
        setLocation(node.pos());
        if (build == null) {
            emit(Opcode.GEN_START, 0);
        } else {
            emit(build, 0);
        }
        comprehensionGenerator(gens, 0, elt, value, build);
        setLocation(node.pos());
        if (build == null) {
            loadNone();
        }
        emit(Opcode.RETURN_VALUE);
        PyCode code = leave();
        setLocation(node.pos());
        makeClosure(code, qualname, 0);
        visitExpr(gens.get(0).iter());
        setLocation(node.pos());
        emit(Opcode.GET_ITER);
        emit(Opcode.CALL_FUNCTION, 1);
    }

    private void comprehensionGenerator(List<Expr.Comprehension> gens, int index, Expr elt, Expr value, Opcode build) {
        Expr.Comprehension gen = gens.get(index);
        CodeUnit.Label start = unit.newLabel();
        CodeUnit.Label anchor = unit.newLabel();
        if (index == 0) {
            emit(Opcode.LOAD_FAST, 0);
        } else {
            visitExpr(gen.iter());
            emit(Opcode.GET_ITER);
        }
        unit.bind(start);
        jump(Opcode.FOR_ITER, anchor);
        store(gen.target());
        for (Expr cond : gen.ifs()) {
            jumpIf(cond, start, false);
        }
        if (index + 1 < gens.size()) {
            comprehensionGenerator(gens, index + 1, elt, value, build);
        } else {
            int depth = gens.size() + 1;
            if (build == null) {
                visitExpr(elt);
                emit(Opcode.YIELD_VALUE);
                emit(Opcode.POP_TOP);
            } else if (build == Opcode.BUILD_LIST) {
                visitExpr(elt);
                emit(Opcode.LIST_APPEND, depth);
            } else if (build == Opcode.BUILD_SET) {
                visitExpr(elt);
                emit(Opcode.SET_ADD, depth);
            } else {
                visitExpr(elt);
                visitExpr(value);
                emit(Opcode.MAP_ADD, depth);
            }
        }
        jump(Opcode.JUMP_ABSOLUTE, start);
        unit.bind(anchor);
    }

    @Override
    public Void visitAwait(Expr.Await e) {
        throw new NotSupportedError("'await' (coroutines)");
    }

    @Override
    public Void visitYield(Expr.Yield e) {
        if (e.value() != null) {
            visitExpr(e.value());
        } else {
            loadNone();
        }
        setLocation(e.pos());
        emit(Opcode.YIELD_VALUE);
        return null;
    }

    @Override
    public Void visitYieldFrom(Expr.YieldFrom e) {
        visitExpr(e.value());
        setLocation(e.pos());
        emit(Opcode.GET_YIELD_FROM_ITER);
        loadNone();
        emit(Opcode.YIELD_FROM);
        return null;
    }

    @Override
    public Void visitCompare(Expr.Compare e) {
        visitExpr(e.left());
        int n = e.ops().size();
        if (n == 1) {
            visitExpr(e.comparators().get(0));
            setLocation(e.pos());
            compareOp(e.ops().get(0));
            return null;
        }
        CodeUnit.Label cleanup = unit.newLabel();
        for (int i = 0; i < n - 1; i++) {
            visitExpr(e.comparators().get(i));
            setLocation(e.pos());
            emit(Opcode.DUP_TOP);
            emit(Opcode.ROT_THREE);
            compareOp(e.ops().get(i));
            jump(Opcode.JUMP_IF_FALSE_OR_POP, cleanup);
        }
        visitExpr(e.comparators().get(n - 1));
        setLocation(e.pos());
        compareOp(e.ops().get(n - 1));
        CodeUnit.Label end = unit.newLabel();
        jump(Opcode.JUMP_FORWARD, end);
        unit.bind(cleanup);
        emit(Opcode.ROT_TWO);
        emit(Opcode.POP_TOP);
        unit.bind(end);
        return null;
    }

    private void compareOp(CmpOp op) {
        switch (op) {
            case EQ:
                emit(Opcode.COMPARE_OP, Compare.EQ);
                break;
            case NOT_EQ:
                emit(Opcode.COMPARE_OP, Compare.NE);
                break;
            case LT:
                emit(Opcode.COMPARE_OP, Compare.LT);
                break;
            case LT_E:
                emit(Opcode.COMPARE_OP, Compare.LE);
                break;
            case GT:
                emit(Opcode.COMPARE_OP, Compare.GT);
                break;
            case GT_E:
                emit(Opcode.COMPARE_OP, Compare.GE);
                break;
            case IS:
                emit(Opcode.IS_OP, 0);
                break;
            case IS_NOT:
                emit(Opcode.IS_OP, 1);
                break;
            case IN:
                emit(Opcode.CONTAINS_OP, 0);
                break;
            default:
                emit(Opcode.CONTAINS_OP, 1);
                break;
        }
    }

    @Override
    public Void visitCall(Expr.Call e) {
        if (e.func() instanceof Expr.Attribute a && a.ctx() == Expr.Ctx.LOAD && e.keywords().isEmpty()
                && noStarred(e.args()) && e.args().size() < 256) {
            visitExpr(a.value());
            setLocation(a.pos());
            emit(Opcode.LOAD_METHOD, unit.addName(mangle(a.attr())));
            for (Expr arg : e.args()) {
                visitExpr(arg);
            }
            setLocation(e.pos());
            emit(Opcode.CALL_METHOD, e.args().size());
            return null;
        }
        visitExpr(e.func());
        callHelper(0, e.args(), e.keywords());
        return null;
    }

    /** Pushes the arguments of a call (after {@code extra} already pushed) and calls. */
    private void callHelper(int extra, List<Expr> args, List<Expr.Keyword> keywords) {
        int[] loc = saveLocation();
        boolean ex = !noStarred(args);
        for (Expr.Keyword k : keywords) {
            if (k.arg() == null) {
                ex = true;
            }
        }
        if (!ex) {
            for (Expr a : args) {
                visitExpr(a);
            }
            if (!keywords.isEmpty()) {
                List<Object> names = new ArrayList<>();
                for (Expr.Keyword k : keywords) {
                    visitExpr(k.value());
                    names.add(k.arg());
                }
                loadConst(names);
                restoreLocation(loc);
                emit(Opcode.CALL_FUNCTION_KW, extra + args.size() + keywords.size());
            } else {
                restoreLocation(loc);
                emit(Opcode.CALL_FUNCTION, extra + args.size());
            }
            return;
        }
        // CALL_FUNCTION_EX: the positional arguments as one tuple, the keywords as one dict
        if (extra > 0) {
            emit(Opcode.BUILD_LIST, extra);
            for (Expr a : args) {
                if (a instanceof Expr.Starred s) {
                    visitExpr(s.value());
                    emit(Opcode.LIST_EXTEND, 1);
                } else {
                    visitExpr(a);
                    emit(Opcode.LIST_APPEND, 1);
                }
            }
            emit(Opcode.LIST_TO_TUPLE);
        } else if (args.size() == 1 && args.get(0) instanceof Expr.Starred s) {
            visitExpr(s.value());
            // CPython makes sure it is a tuple at run time (CALL_FUNCTION_EX converts)
        } else {
            starUnpack(args, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
        }
        boolean haveDict = false;
        if (!keywords.isEmpty()) {
            int i = 0;
            int n = keywords.size();
            while (i < n) {
                Expr.Keyword k = keywords.get(i);
                if (k.arg() == null) {
                    if (!haveDict) {
                        emit(Opcode.BUILD_MAP, 0);
                        haveDict = true;
                    }
                    visitExpr(k.value());
                    emit(Opcode.DICT_MERGE, 1);
                    i++;
                    continue;
                }
                int j = i;
                List<Object> names = new ArrayList<>();
                while (j < n && keywords.get(j).arg() != null) {
                    names.add(keywords.get(j).arg());
                    j++;
                }
                if (names.size() > 1) {
                    for (int m = i; m < j; m++) {
                        visitExpr(keywords.get(m).value());
                    }
                    loadConst(names);
                    emit(Opcode.BUILD_CONST_KEY_MAP, names.size());
                } else {
                    loadConst(names.get(0));
                    visitExpr(keywords.get(i).value());
                    emit(Opcode.BUILD_MAP, 1);
                }
                if (haveDict) {
                    emit(Opcode.DICT_MERGE, 1);
                }
                haveDict = true;
                i = j;
            }
        }
        restoreLocation(loc);
        emit(Opcode.CALL_FUNCTION_EX, haveDict ? 1 : 0);
    }

    @Override
    public Void visitFormattedValue(Expr.FormattedValue e) {
        visitExpr(e.value());
        int flags;
        switch (e.conversion()) {
            case 's':
                flags = Opcode.FVC_STR;
                break;
            case 'r':
                flags = Opcode.FVC_REPR;
                break;
            case 'a':
                flags = Opcode.FVC_ASCII;
                break;
            default:
                flags = 0;
                break;
        }
        if (e.formatSpec() != null) {
            visitExpr(e.formatSpec());
            flags |= Opcode.FVS_HAVE_SPEC;
        }
        setLocation(e.pos());
        emit(Opcode.FORMAT_VALUE, flags);
        return null;
    }

    @Override
    public Void visitJoinedStr(Expr.JoinedStr e) {
        List<Expr> values = e.values();
        if (values.isEmpty()) {
            loadConst("");
            return null;
        }
        for (Expr v : values) {
            visitExpr(v);
        }
        if (values.size() != 1 || !(values.get(0) instanceof Expr.FormattedValue)) {
            if (values.size() != 1) {
                emit(Opcode.BUILD_STRING, values.size());
            }
        }
        return null;
    }

    @Override
    public Void visitConstant(Expr.Constant e) {
        loadConst(e.value());
        return null;
    }

    @Override
    public Void visitAttribute(Expr.Attribute e) {
        visitExpr(e.value());
        setLocation(e.pos());
        emit(Opcode.LOAD_ATTR, unit.addName(mangle(e.attr())));
        return null;
    }

    @Override
    public Void visitSubscript(Expr.Subscript e) {
        visitExpr(e.value());
        subscriptIndex(e.slice());
        setLocation(e.pos());
        emit(Opcode.BINARY_SUBSCR);
        return null;
    }

    private void subscriptIndex(Expr index) {
        if (index instanceof Expr.Slice s) {
            sliceParts(s);
        } else {
            visitExpr(index);
        }
    }

    private void sliceParts(Expr.Slice s) {
        if (s.lower() != null) {
            visitExpr(s.lower());
        } else {
            loadNone();
        }
        if (s.upper() != null) {
            visitExpr(s.upper());
        } else {
            loadNone();
        }
        if (s.step() != null) {
            visitExpr(s.step());
            emit(Opcode.BUILD_SLICE, 3);
        } else {
            emit(Opcode.BUILD_SLICE, 2);
        }
    }

    @Override
    public Void visitStarred(Expr.Starred e) {
        throw error("can't use starred expression here", e);
    }

    @Override
    public Void visitName(Expr.Name e) {
        nameOp(e.id(), NameOp.LOAD);
        return null;
    }

    @Override
    public Void visitList(Expr.ListExpr e) {
        starUnpack(e.elts(), Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, false);
        return null;
    }

    @Override
    public Void visitTuple(Expr.Tuple e) {
        Object constant = Constants.fold(e);
        if (constant != null) {
            loadConst(constant);
            return null;
        }
        starUnpack(e.elts(), Opcode.BUILD_TUPLE, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, !noStarred(e.elts()));
        return null;
    }

    @Override
    public Void visitSlice(Expr.Slice e) {
        sliceParts(e);
        return null;
    }

    // ------------------------------------------------------------------ operator tables

    private static Opcode binaryOpcode(Operator op) {
        switch (op) {
            case ADD:
                return Opcode.BINARY_ADD;
            case SUB:
                return Opcode.BINARY_SUBTRACT;
            case MULT:
                return Opcode.BINARY_MULTIPLY;
            case MATMULT:
                return Opcode.BINARY_MATRIX_MULTIPLY;
            case DIV:
                return Opcode.BINARY_TRUE_DIVIDE;
            case MOD:
                return Opcode.BINARY_MODULO;
            case POW:
                return Opcode.BINARY_POWER;
            case LSHIFT:
                return Opcode.BINARY_LSHIFT;
            case RSHIFT:
                return Opcode.BINARY_RSHIFT;
            case BITOR:
                return Opcode.BINARY_OR;
            case BITXOR:
                return Opcode.BINARY_XOR;
            case BITAND:
                return Opcode.BINARY_AND;
            default:
                return Opcode.BINARY_FLOOR_DIVIDE;
        }
    }

    private static Opcode inplaceOpcode(Operator op) {
        switch (op) {
            case ADD:
                return Opcode.INPLACE_ADD;
            case SUB:
                return Opcode.INPLACE_SUBTRACT;
            case MULT:
                return Opcode.INPLACE_MULTIPLY;
            case MATMULT:
                return Opcode.INPLACE_MATRIX_MULTIPLY;
            case DIV:
                return Opcode.INPLACE_TRUE_DIVIDE;
            case MOD:
                return Opcode.INPLACE_MODULO;
            case POW:
                return Opcode.INPLACE_POWER;
            case LSHIFT:
                return Opcode.INPLACE_LSHIFT;
            case RSHIFT:
                return Opcode.INPLACE_RSHIFT;
            case BITOR:
                return Opcode.INPLACE_OR;
            case BITXOR:
                return Opcode.INPLACE_XOR;
            case BITAND:
                return Opcode.INPLACE_AND;
            default:
                return Opcode.INPLACE_FLOOR_DIVIDE;
        }
    }
}
