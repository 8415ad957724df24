package dev.interlock.vm.runtime;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.memory.RefcountAudit;
import dev.interlock.vm.memory.RefcountAudit.Finding;
import dev.interlock.vm.memory.RefcountAudit.Kind;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyAnySet;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyFunction;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link RefcountAudit.Result} on stderr: one line per finding (what is wrong, the
 * object, its count against the references found) with the path by which the walk reached it,
 * then a summary line. A clean audit prints only a summary.
 *
 * <p>Objects are described without running any Python code (a user {@code __repr__} could change
 * the very counts being reported, or fail): exact ints, floats and strings show their value,
 * containers their size, classes, functions and modules their names, anything else its type and
 * id, as {@code object.__repr__} would.
 */
final class AuditReport {

    /** Findings printed in full; the rest are only counted, so a broken run stays readable. */
    static final int MAX_SHOWN = 40;
    private static final int MAX_TEXT = 50;

    private AuditReport() {
    }

    static void print(RefcountAudit.Result result, boolean allocationsLogged, PrintStream err) {
        List<Finding> findings = result.findings();
        String cycles = !allocationsLogged ? "; objects that nothing reachable refers to were not examined: run the JVM"
                + " with -Dinterlock.traceRefs=true to log allocations"
                : result.unreachable() == 0 ? "" : String.format(Locale.ROOT, "; %,d more %s kept alive only by"
                + " reference cycles, which Interlock does not collect (it has no cycle collector)", result.unreachable(),
                result.unreachable() == 1 ? "object is" : "objects are");
        if (findings.isEmpty()) {
            err.println(String.format(Locale.ROOT, "interlock: refcount audit: every count matches (%,d objects and %,d"
                    + " references reachable at exit%s)", result.reachable(), result.references(), cycles));
            return;
        }
        err.println(String.format(Locale.ROOT, "interlock: refcount audit: %d %s among %,d objects reachable at exit%s:",
                findings.size(), findings.size() == 1 ? "problem" : "problems", result.reachable(), cycles));
        for (int i = 0; i < findings.size() && i < MAX_SHOWN; i++) {
            Finding f = findings.get(i);
            err.println("  " + describeFinding(f));
            err.println("      " + describePath(f));
        }
        if (findings.size() > MAX_SHOWN) {
            err.println("  ... and " + (findings.size() - MAX_SHOWN) + " more");
        }
        err.println("interlock: refcount audit failed: " + result.count(Kind.LEAK) + " leaked, "
                + result.count(Kind.OVER_RELEASE) + " over-released, " + result.count(Kind.FREED_WHILE_REFERENCED)
                + " freed while referenced (exit status " + RefcountAudit.EXIT_STATUS + ")");
    }

    static String describeFinding(Finding f) {
        String what = describe(f.object());
        switch (f.kind()) {
            case LEAK:
                return "leak: " + what + ": count " + f.count() + ", references found " + f.found() + " ("
                        + (f.count() - f.found()) + " never given back)";
            case OVER_RELEASE:
                return "over-release: " + what + ": count " + f.count() + ", references found " + f.found() + " ("
                        + (f.found() - f.count()) + " given back too often)";
            default:
                return "freed while referenced: " + what + ": deallocated, references found " + f.found();
        }
    }

    /** The object, described without running Python code. */
    static String describe(ObjectHeader o) {
        String type = "'" + o.typeName() + "' object";
        if (!(o instanceof PyObject p) || o.isDeallocated()) {
            return type;
        }
        PyType t = p.type();
        if (t == PyInt.TYPE || t == PyFloat.TYPE) {
            return type + " " + clip(p.repr());
        }
        if (t == PyStr.TYPE) {
            return type + " " + clip(p.repr());
        }
        if (p instanceof PyList l) {
            return type + " of " + plural(l.size(), "item");
        }
        if (p instanceof PyTuple tuple) {
            return type + " of " + plural(tuple.size(), "item");
        }
        if (p instanceof PyDict d) {
            return type + " of " + plural(d.size(), "entry", "entries");
        }
        if (p instanceof PyAnySet s) {
            return type + " of " + plural(s.size(), "element");
        }
        if (p instanceof PyType c) {
            return "class '" + c.qualname() + "'";
        }
        if (p instanceof PyFunction fn) {
            return "function '" + fn.qualname() + "'";
        }
        if (p instanceof PyCode code) {
            return "code object '" + code.qualname() + "'";
        }
        if (p instanceof PyModule m) {
            return "module '" + m.name() + "'";
        }
        return type + " at " + Identity.address(o);
    }

    /**
     * How the walk got to the object: the root's name (which stands for the root's object), then
     * each object on the way down to the one holding it; or why no root leads to it.
     */
    static String describePath(Finding f) {
        if (!f.reachable()) {
            return f.found() == 0 ? "referred to by nothing the audit can see"
                    : "referred to only by objects that no root reaches";
        }
        List<ObjectHeader> path = f.path();
        if (path.isEmpty()) {
            return "held by the interpreter as " + f.root().name();
        }
        StringBuilder b = new StringBuilder("reached from ").append(f.root().name());
        for (int i = 1; i < path.size(); i++) {
            b.append(" -> ").append(shortName(path.get(i)));
        }
        return b.toString();
    }

    private static String shortName(ObjectHeader o) {
        if (o instanceof PyModule m) {
            return "module '" + m.name() + "'";
        }
        if (o instanceof PyType c && !o.isDeallocated()) {
            return "class '" + c.qualname() + "'";
        }
        if (o instanceof PyFunction fn && !o.isDeallocated()) {
            return "function '" + fn.qualname() + "'";
        }
        return o.typeName();
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 3) + "...";
    }

    private static String plural(int n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
