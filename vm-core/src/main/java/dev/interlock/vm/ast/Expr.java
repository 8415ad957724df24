package dev.interlock.vm.ast;

import java.util.List;

/** Expression nodes, as Python's {@code ast} module defines them (3.11). */
public interface Expr extends Node {

    /** How a name, attribute, subscript or display is used ({@code ast.expr_context}). */
    enum Ctx {
        LOAD, STORE, DEL
    }

    <R> R accept(Visitor<R> v);

    /** Visits expressions. */
    interface Visitor<R> {
        R visitBoolOp(BoolOp e);

        R visitNamedExpr(NamedExpr e);

        R visitBinOp(BinOp e);

        R visitUnaryOp(UnaryOp e);

        R visitLambda(Lambda e);

        R visitIfExp(IfExp e);

        R visitDict(Dict e);

        R visitSet(Set e);

        R visitListComp(ListComp e);

        R visitSetComp(SetComp e);

        R visitDictComp(DictComp e);

        R visitGeneratorExp(GeneratorExp e);

        R visitAwait(Await e);

        R visitYield(Yield e);

        R visitYieldFrom(YieldFrom e);

        R visitCompare(Compare e);

        R visitCall(Call e);

        R visitFormattedValue(FormattedValue e);

        R visitJoinedStr(JoinedStr e);

        R visitConstant(Constant e);

        R visitAttribute(Attribute e);

        R visitSubscript(Subscript e);

        R visitStarred(Starred e);

        R visitName(Name e);

        R visitList(ListExpr e);

        R visitTuple(Tuple e);

        R visitSlice(Slice e);
    }

    /** {@code a and b}, {@code a or b} (values has two or more items). */
    record BoolOp(Pos pos, boolean isAnd, List<Expr> values) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitBoolOp(this);
        }
    }

    /** {@code target := value}. */
    record NamedExpr(Pos pos, Name target, Expr value) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitNamedExpr(this);
        }
    }

    /** {@code left op right}. */
    record BinOp(Pos pos, Expr left, Operator op, Expr right) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitBinOp(this);
        }
    }

    /** Unary operators. */
    enum UnaryKind {
        INVERT, NOT, UADD, USUB
    }

    /** {@code op operand}. */
    record UnaryOp(Pos pos, UnaryKind op, Expr operand) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitUnaryOp(this);
        }
    }

    /** {@code lambda args: body}. */
    record Lambda(Pos pos, Arguments args, Expr body) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitLambda(this);
        }
    }

    /** {@code body if test else orelse}. */
    record IfExp(Pos pos, Expr test, Expr body, Expr orelse) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitIfExp(this);
        }
    }

    /** {@code {k: v, **m}}; a null key marks a {@code **} unpacking. */
    record Dict(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitDict(this);
        }
    }

    /** {@code {a, b}}. */
    record Set(Pos pos, List<Expr> elts) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitSet(this);
        }
    }

    /** {@code [elt for ...]}. */
    record ListComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitListComp(this);
        }
    }

    /** {@code {elt for ...}}. */
    record SetComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitSetComp(this);
        }
    }

    /** {@code {key: value for ...}}. */
    record DictComp(Pos pos, Expr key, Expr value, List<Comprehension> generators) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitDictComp(this);
        }
    }

    /** {@code (elt for ...)}. */
    record GeneratorExp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitGeneratorExp(this);
        }
    }

    /** {@code await value}. */
    record Await(Pos pos, Expr value) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitAwait(this);
        }
    }

    /** {@code yield value}; value may be null. */
    record Yield(Pos pos, Expr value) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitYield(this);
        }
    }

    /** {@code yield from value}. */
    record YieldFrom(Pos pos, Expr value) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitYieldFrom(this);
        }
    }

    /** {@code left op1 c1 op2 c2 ...}. */
    record Compare(Pos pos, Expr left, List<CmpOp> ops, List<Expr> comparators) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitCompare(this);
        }
    }

    /** {@code func(args, keywords)}. */
    record Call(Pos pos, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitCall(this);
        }
    }

    /** One {@code {value!conversion:spec}} of an f-string; conversion is -1, 's', 'r' or 'a'. */
    record FormattedValue(Pos pos, Expr value, int conversion, Expr formatSpec) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitFormattedValue(this);
        }
    }

    /** An f-string: constants and formatted values. */
    record JoinedStr(Pos pos, List<Expr> values) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitJoinedStr(this);
        }
    }

    /**
     * A literal. The value is a {@link Long} or {@link java.math.BigInteger}, {@link Double},
     * {@link String}, {@link Boolean}, or one of {@link #NONE}, {@link #ELLIPSIS}.
     */
    record Constant(Pos pos, Object value) implements Expr {
        /** The value of {@code None}. */
        public static final Object NONE = new Object() {
            @Override
            public String toString() {
                return "None";
            }
        };
        /** The value of {@code ...}. */
        public static final Object ELLIPSIS = new Object() {
            @Override
            public String toString() {
                return "Ellipsis";
            }
        };

        public <R> R accept(Visitor<R> v) {
            return v.visitConstant(this);
        }
    }

    /** {@code value.attr}. */
    record Attribute(Pos pos, Expr value, String attr, Ctx ctx) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitAttribute(this);
        }
    }

    /** {@code value[slice]}. */
    record Subscript(Pos pos, Expr value, Expr slice, Ctx ctx) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitSubscript(this);
        }
    }

    /** {@code *value}. */
    record Starred(Pos pos, Expr value, Ctx ctx) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitStarred(this);
        }
    }

    /** A name. */
    record Name(Pos pos, String id, Ctx ctx) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitName(this);
        }
    }

    /** {@code [a, b]}. */
    record ListExpr(Pos pos, List<Expr> elts, Ctx ctx) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitList(this);
        }
    }

    /** {@code (a, b)} or {@code a, b}. */
    record Tuple(Pos pos, List<Expr> elts, Ctx ctx) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitTuple(this);
        }
    }

    /** {@code lower:upper:step} inside a subscript; parts may be null. */
    record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitSlice(this);
        }
    }

    /** {@code for target in iter if ...} of a comprehension. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs, boolean isAsync) {
    }

    /** {@code name=value} in a call; a null name marks {@code **value}. */
    record Keyword(Pos pos, String arg, Expr value) {
    }

    /** One parameter. */
    record Arg(Pos pos, String name, Expr annotation) {
    }

    /**
     * A parameter list. Defaults align with the last positional parameters; {@code kwDefaults} has
     * one entry (possibly null) per keyword-only parameter.
     */
    record Arguments(List<Arg> posonlyargs, List<Arg> args, Arg vararg, List<Arg> kwonlyargs, List<Expr> kwDefaults,
            Arg kwarg, List<Expr> defaults) {

        /** No parameters. */
        public static Arguments empty() {
            return new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
        }
    }
}
