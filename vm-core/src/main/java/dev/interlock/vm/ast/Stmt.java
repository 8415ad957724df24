package dev.interlock.vm.ast;

import java.util.List;

/** Statement nodes, as Python's {@code ast} module defines them (3.11). */
public interface Stmt extends Node {

    <R> R accept(Visitor<R> v);

    /** Visits statements. */
    interface Visitor<R> {
        R visitFunctionDef(FunctionDef s);

        R visitClassDef(ClassDef s);

        R visitReturn(Return s);

        R visitDelete(Delete s);

        R visitAssign(Assign s);

        R visitAugAssign(AugAssign s);

        R visitAnnAssign(AnnAssign s);

        R visitFor(For s);

        R visitWhile(While s);

        R visitIf(If s);

        R visitWith(With s);

        R visitRaise(Raise s);

        R visitTry(Try s);

        R visitAssert(Assert s);

        R visitImport(Import s);

        R visitImportFrom(ImportFrom s);

        R visitGlobal(Global s);

        R visitNonlocal(Nonlocal s);

        R visitExprStmt(ExprStmt s);

        R visitPass(Pass s);

        R visitBreak(Break s);

        R visitContinue(Continue s);

        R visitUnsupported(Unsupported s);
    }

    /** {@code def name(args): body}, possibly {@code async}. */
    record FunctionDef(Pos pos, String name, Expr.Arguments args, List<Stmt> body, List<Expr> decorators, Expr returns,
            boolean isAsync) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitFunctionDef(this);
        }
    }

    /** {@code class name(bases, keywords): body}. */
    record ClassDef(Pos pos, String name, List<Expr> bases, List<Expr.Keyword> keywords, List<Stmt> body,
            List<Expr> decorators) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitClassDef(this);
        }
    }

    /** {@code return value}; value may be null. */
    record Return(Pos pos, Expr value) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitReturn(this);
        }
    }

    /** {@code del targets}. */
    record Delete(Pos pos, List<Expr> targets) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitDelete(this);
        }
    }

    /** {@code t1 = t2 = value}. */
    record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitAssign(this);
        }
    }

    /** {@code target op= value}. */
    record AugAssign(Pos pos, Expr target, Operator op, Expr value) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitAugAssign(this);
        }
    }

    /** {@code target: annotation = value}; value may be null. */
    record AnnAssign(Pos pos, Expr target, Expr annotation, Expr value, boolean simple) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitAnnAssign(this);
        }
    }

    /** {@code for target in iter: body else: orelse}, possibly {@code async}. */
    record For(Pos pos, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, boolean isAsync) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitFor(this);
        }
    }

    /** {@code while test: body else: orelse}. */
    record While(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitWhile(this);
        }
    }

    /** {@code if test: body else: orelse} (elif is a nested If in orelse). */
    record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitIf(this);
        }
    }

    /** {@code with items: body}, possibly {@code async}. */
    record With(Pos pos, List<WithItem> items, List<Stmt> body, boolean isAsync) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitWith(this);
        }
    }

    /** {@code raise exc from cause}; both may be null. */
    record Raise(Pos pos, Expr exc, Expr cause) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitRaise(this);
        }
    }

    /** {@code try: body except...: ... else: orelse finally: finalbody}. */
    record Try(Pos pos, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody)
            implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitTry(this);
        }
    }

    /** {@code assert test, msg}; msg may be null. */
    record Assert(Pos pos, Expr test, Expr msg) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitAssert(this);
        }
    }

    /** {@code import a.b as c, d}. */
    record Import(Pos pos, List<Alias> names) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitImport(this);
        }
    }

    /** {@code from ..module import names}; module may be null for {@code from . import x}. */
    record ImportFrom(Pos pos, String module, List<Alias> names, int level) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitImportFrom(this);
        }
    }

    /** {@code global names}. */
    record Global(Pos pos, List<String> names) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitGlobal(this);
        }
    }

    /** {@code nonlocal names}. */
    record Nonlocal(Pos pos, List<String> names) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitNonlocal(this);
        }
    }

    /** An expression used as a statement. */
    record ExprStmt(Pos pos, Expr value) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitExprStmt(this);
        }
    }

    /** {@code pass}. */
    record Pass(Pos pos) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitPass(this);
        }
    }

    /** {@code break}. */
    record Break(Pos pos) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitBreak(this);
        }
    }

    /** {@code continue}. */
    record Continue(Pos pos) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitContinue(this);
        }
    }

    /** A statement Interlock parses but cannot run ({@code match}), naming the feature. */
    record Unsupported(Pos pos, String feature) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitUnsupported(this);
        }
    }

    /** {@code except type as name: body}; type and name may be null. */
    record ExceptHandler(Pos pos, Expr type, String name, List<Stmt> body) {
    }

    /** {@code expr as vars} in a with statement; vars may be null. */
    record WithItem(Expr contextExpr, Expr optionalVars) {
    }

    /** {@code name as asname} in an import; asname may be null. */
    record Alias(Pos pos, String name, String asname) {
    }
}
