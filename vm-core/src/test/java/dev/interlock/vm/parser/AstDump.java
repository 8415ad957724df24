package dev.interlock.vm.parser;

import dev.interlock.vm.ast.CmpOp;
import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.ast.Operator;
import dev.interlock.vm.ast.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints Interlock's AST the way CPython 3.11's {@code ast.dump(node)} prints Python's: node names
 * and field names of the {@code ast} module, every field in {@code _fields} order, optional fields
 * left out when they are None, no positions. So a parser test can compare with the text CPython
 * prints for the same source.
 */
final class AstDump {

    private AstDump() {
    }

    static String module(List<Stmt> body) {
        return "Module(body=" + stmts(body) + ", type_ignores=[])";
    }

    /** One node: {@code Name(field=value, ...)}; a null value leaves an optional field out. */
    private static String node(String name, Object... fieldsAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object value = fieldsAndValues[i + 1];
            if (value != null) {
                parts.add(fieldsAndValues[i] + "=" + value);
            }
        }
        return name + "(" + String.join(", ", parts) + ")";
    }

    private static String stmts(List<Stmt> list) {
        List<String> out = new ArrayList<>();
        for (Stmt s : list) {
            out.add(stmt(s));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String exprs(List<Expr> list) {
        List<String> out = new ArrayList<>();
        for (Expr e : list) {
            out.add(e == null ? "None" : expr(e));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String optional(Expr e) {
        return e == null ? null : expr(e);
    }

    private static String str(String s) {
        return s == null ? null : repr(s);
    }

    private static String names(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(repr(n));
        }
        return "[" + String.join(", ", out) + "]";
    }

    static String stmt(Stmt s) {
        if (s instanceof Stmt.FunctionDef f) {
            return node("FunctionDef", "name", repr(f.name()), "args", arguments(f.args()), "body", stmts(f.body()),
                    "decorator_list", exprs(f.decorators()), "returns", optional(f.returns()));
        } else if (s instanceof Stmt.ClassDef c) {
            return node("ClassDef", "name", repr(c.name()), "bases", exprs(c.bases()), "keywords", keywords(c.keywords()),
                    "body", stmts(c.body()), "decorator_list", exprs(c.decorators()));
        } else if (s instanceof Stmt.Return r) {
            return node("Return", "value", optional(r.value()));
        } else if (s instanceof Stmt.Delete d) {
            return node("Delete", "targets", exprs(d.targets()));
        } else if (s instanceof Stmt.Assign a) {
            return node("Assign", "targets", exprs(a.targets()), "value", expr(a.value()));
        } else if (s instanceof Stmt.AugAssign a) {
            return node("AugAssign", "target", expr(a.target()), "op", operator(a.op()), "value", expr(a.value()));
        } else if (s instanceof Stmt.AnnAssign a) {
            return node("AnnAssign", "target", expr(a.target()), "annotation", expr(a.annotation()), "value",
                    optional(a.value()), "simple", a.simple() ? "1" : "0");
        } else if (s instanceof Stmt.For f) {
            return node("For", "target", expr(f.target()), "iter", expr(f.iter()), "body", stmts(f.body()), "orelse",
                    stmts(f.orelse()));
        } else if (s instanceof Stmt.While w) {
            return node("While", "test", expr(w.test()), "body", stmts(w.body()), "orelse", stmts(w.orelse()));
        } else if (s instanceof Stmt.If i) {
            return node("If", "test", expr(i.test()), "body", stmts(i.body()), "orelse", stmts(i.orelse()));
        } else if (s instanceof Stmt.With w) {
            List<String> items = new ArrayList<>();
            for (Stmt.WithItem item : w.items()) {
                items.add(node("withitem", "context_expr", expr(item.contextExpr()), "optional_vars",
                        optional(item.optionalVars())));
            }
            return node("With", "items", "[" + String.join(", ", items) + "]", "body", stmts(w.body()));
        } else if (s instanceof Stmt.Raise r) {
            return node("Raise", "exc", optional(r.exc()), "cause", optional(r.cause()));
        } else if (s instanceof Stmt.Try t) {
            List<String> handlers = new ArrayList<>();
            for (Stmt.ExceptHandler h : t.handlers()) {
                handlers.add(node("ExceptHandler", "type", optional(h.type()), "name", str(h.name()), "body",
                        stmts(h.body())));
            }
            return node("Try", "body", stmts(t.body()), "handlers", "[" + String.join(", ", handlers) + "]", "orelse",
                    stmts(t.orelse()), "finalbody", stmts(t.finalbody()));
        } else if (s instanceof Stmt.Assert a) {
            return node("Assert", "test", expr(a.test()), "msg", optional(a.msg()));
        } else if (s instanceof Stmt.Import i) {
            return node("Import", "names", aliases(i.names()));
        } else if (s instanceof Stmt.ImportFrom i) {
            return node("ImportFrom", "module", str(i.module()), "names", aliases(i.names()), "level",
                    Integer.toString(i.level()));
        } else if (s instanceof Stmt.Global g) {
            return node("Global", "names", names(g.names()));
        } else if (s instanceof Stmt.Nonlocal n) {
            return node("Nonlocal", "names", names(n.names()));
        } else if (s instanceof Stmt.ExprStmt e) {
            return node("Expr", "value", expr(e.value()));
        } else if (s instanceof Stmt.Pass) {
            return "Pass()";
        } else if (s instanceof Stmt.Break) {
            return "Break()";
        } else if (s instanceof Stmt.Continue) {
            return "Continue()";
        }
        throw new IllegalArgumentException("no ast.dump form for " + s);
    }

    private static String aliases(List<Stmt.Alias> aliases) {
        List<String> out = new ArrayList<>();
        for (Stmt.Alias a : aliases) {
            out.add(node("alias", "name", repr(a.name()), "asname", str(a.asname())));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String keywords(List<Expr.Keyword> keywords) {
        List<String> out = new ArrayList<>();
        for (Expr.Keyword k : keywords) {
            out.add(node("keyword", "arg", str(k.arg()), "value", expr(k.value())));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String arg(Expr.Arg a) {
        return a == null ? null : node("arg", "arg", repr(a.name()), "annotation", optional(a.annotation()));
    }

    private static String args(List<Expr.Arg> args) {
        List<String> out = new ArrayList<>();
        for (Expr.Arg a : args) {
            out.add(arg(a));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String arguments(Expr.Arguments a) {
        return node("arguments", "posonlyargs", args(a.posonlyargs()), "args", args(a.args()), "vararg", arg(a.vararg()),
                "kwonlyargs", args(a.kwonlyargs()), "kw_defaults", exprs(a.kwDefaults()), "kwarg", arg(a.kwarg()),
                "defaults", exprs(a.defaults()));
    }

    private static String ctx(Expr.Ctx c) {
        return switch (c) {
            case LOAD -> "Load()";
            case STORE -> "Store()";
            case DEL -> "Del()";
        };
    }

    private static String operator(Operator op) {
        return switch (op) {
            case ADD -> "Add()";
            case SUB -> "Sub()";
            case MULT -> "Mult()";
            case MATMULT -> "MatMult()";
            case DIV -> "Div()";
            case MOD -> "Mod()";
            case POW -> "Pow()";
            case LSHIFT -> "LShift()";
            case RSHIFT -> "RShift()";
            case BITOR -> "BitOr()";
            case BITXOR -> "BitXor()";
            case BITAND -> "BitAnd()";
            case FLOORDIV -> "FloorDiv()";
        };
    }

    private static String cmpop(CmpOp op) {
        return switch (op) {
            case EQ -> "Eq()";
            case NOT_EQ -> "NotEq()";
            case LT -> "Lt()";
            case LT_E -> "LtE()";
            case GT -> "Gt()";
            case GT_E -> "GtE()";
            case IS -> "Is()";
            case IS_NOT -> "IsNot()";
            case IN -> "In()";
            case NOT_IN -> "NotIn()";
        };
    }

    private static String comprehensions(List<Expr.Comprehension> generators) {
        List<String> out = new ArrayList<>();
        for (Expr.Comprehension c : generators) {
            out.add(node("comprehension", "target", expr(c.target()), "iter", expr(c.iter()), "ifs", exprs(c.ifs()),
                    "is_async", c.isAsync() ? "1" : "0"));
        }
        return "[" + String.join(", ", out) + "]";
    }

    static String expr(Expr e) {
        if (e instanceof Expr.BoolOp b) {
            return node("BoolOp", "op", b.isAnd() ? "And()" : "Or()", "values", exprs(b.values()));
        } else if (e instanceof Expr.NamedExpr n) {
            return node("NamedExpr", "target", expr(n.target()), "value", expr(n.value()));
        } else if (e instanceof Expr.BinOp b) {
            return node("BinOp", "left", expr(b.left()), "op", operator(b.op()), "right", expr(b.right()));
        } else if (e instanceof Expr.UnaryOp u) {
            String op = switch (u.op()) {
                case INVERT -> "Invert()";
                case NOT -> "Not()";
                case UADD -> "UAdd()";
                case USUB -> "USub()";
            };
            return node("UnaryOp", "op", op, "operand", expr(u.operand()));
        } else if (e instanceof Expr.Lambda l) {
            return node("Lambda", "args", arguments(l.args()), "body", expr(l.body()));
        } else if (e instanceof Expr.IfExp i) {
            return node("IfExp", "test", expr(i.test()), "body", expr(i.body()), "orelse", expr(i.orelse()));
        } else if (e instanceof Expr.Dict d) {
            return node("Dict", "keys", exprs(d.keys()), "values", exprs(d.values()));
        } else if (e instanceof Expr.Set s) {
            return node("Set", "elts", exprs(s.elts()));
        } else if (e instanceof Expr.ListComp c) {
            return node("ListComp", "elt", expr(c.elt()), "generators", comprehensions(c.generators()));
        } else if (e instanceof Expr.SetComp c) {
            return node("SetComp", "elt", expr(c.elt()), "generators", comprehensions(c.generators()));
        } else if (e instanceof Expr.DictComp c) {
            return node("DictComp", "key", expr(c.key()), "value", expr(c.value()), "generators",
                    comprehensions(c.generators()));
        } else if (e instanceof Expr.GeneratorExp c) {
            return node("GeneratorExp", "elt", expr(c.elt()), "generators", comprehensions(c.generators()));
        } else if (e instanceof Expr.Yield y) {
            return node("Yield", "value", optional(y.value()));
        } else if (e instanceof Expr.YieldFrom y) {
            return node("YieldFrom", "value", expr(y.value()));
        } else if (e instanceof Expr.Compare c) {
            List<String> ops = new ArrayList<>();
            for (CmpOp op : c.ops()) {
                ops.add(cmpop(op));
            }
            return node("Compare", "left", expr(c.left()), "ops", "[" + String.join(", ", ops) + "]", "comparators",
                    exprs(c.comparators()));
        } else if (e instanceof Expr.Call c) {
            return node("Call", "func", expr(c.func()), "args", exprs(c.args()), "keywords", keywords(c.keywords()));
        } else if (e instanceof Expr.FormattedValue f) {
            return node("FormattedValue", "value", expr(f.value()), "conversion", Integer.toString(f.conversion()),
                    "format_spec", optional(f.formatSpec()));
        } else if (e instanceof Expr.JoinedStr j) {
            return node("JoinedStr", "values", exprs(j.values()));
        } else if (e instanceof Expr.Constant c) {
            return node("Constant", "value", constant(c.value()));
        } else if (e instanceof Expr.Attribute a) {
            return node("Attribute", "value", expr(a.value()), "attr", repr(a.attr()), "ctx", ctx(a.ctx()));
        } else if (e instanceof Expr.Subscript s) {
            return node("Subscript", "value", expr(s.value()), "slice", expr(s.slice()), "ctx", ctx(s.ctx()));
        } else if (e instanceof Expr.Starred s) {
            return node("Starred", "value", expr(s.value()), "ctx", ctx(s.ctx()));
        } else if (e instanceof Expr.Name n) {
            return node("Name", "id", repr(n.id()), "ctx", ctx(n.ctx()));
        } else if (e instanceof Expr.ListExpr l) {
            return node("List", "elts", exprs(l.elts()), "ctx", ctx(l.ctx()));
        } else if (e instanceof Expr.Tuple t) {
            return node("Tuple", "elts", exprs(t.elts()), "ctx", ctx(t.ctx()));
        } else if (e instanceof Expr.Slice s) {
            return node("Slice", "lower", optional(s.lower()), "upper", optional(s.upper()), "step", optional(s.step()));
        }
        throw new IllegalArgumentException("no ast.dump form for " + e);
    }

    private static String constant(Object v) {
        if (v == Expr.Constant.NONE) {
            return "None";
        } else if (v == Expr.Constant.ELLIPSIS) {
            return "Ellipsis";
        } else if (v instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        } else if (v instanceof Double d) {
            // Enough for the oracle's floats (2.5): Java and Python agree on short decimal fractions.
            return d.toString();
        } else if (v instanceof String s) {
            return repr(s);
        }
        throw new IllegalArgumentException("no repr for constant " + v);
    }

    /** Python's repr of a str, for the plain strings the oracle uses. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c == quote) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.append(quote).toString();
    }
}
