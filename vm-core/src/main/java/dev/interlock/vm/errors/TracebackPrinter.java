package dev.interlock.vm.errors;

import dev.interlock.vm.eval.Frame;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTraceback;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import dev.interlock.vm.runtime.SourceCache;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints exceptions as CPython's default {@code sys.excepthook} does: the chain of causes and
 * contexts, each with {@code Traceback (most recent call last):}, one {@code File ..., line N,
 * in f} entry per frame with its source line, runs of identical entries collapsed, and the
 * {@code Type: message} line.
 */
public final class TracebackPrinter {

    private static final String CAUSE_HEADER =
            "\nThe above exception was the direct cause of the following exception:\n\n";
    private static final String CONTEXT_HEADER =
            "\nDuring handling of the above exception, another exception occurred:\n\n";
    private static final int RECURSIVE_CUTOFF = 3;

    private TracebackPrinter() {
    }

    /** Prints {@code value} and the exceptions chained to it. */
    public static void print(PyBaseException value, PrintStream out) {
        out.print(format(value));
        out.flush();
    }

    /** The text {@link #print} writes. */
    public static String format(PyBaseException value) {
        StringBuilder b = new StringBuilder();
        formatChain(value, b, new IdentityHashMap<>());
        return b.toString();
    }

    private static void formatChain(PyBaseException value, StringBuilder b, Map<Object, Boolean> seen) {
        seen.put(value, Boolean.TRUE);
        PyObject cause = value.cause();
        PyObject context = value.context();
        if (cause instanceof PyBaseException c && !seen.containsKey(c)) {
            formatChain(c, b, seen);
            b.append(CAUSE_HEADER);
        } else if (cause == null && context instanceof PyBaseException c && !value.suppressContext() && !seen.containsKey(c)) {
            formatChain(c, b, seen);
            b.append(CONTEXT_HEADER);
        }
        formatOne(value, b);
    }

    private static void formatOne(PyBaseException value, StringBuilder b) {
        PyTraceback tb = value.traceback();
        if (tb != null) {
            b.append("Traceback (most recent call last):\n");
            List<String[]> entries = new ArrayList<>();
            for (PyTraceback t = tb; t != null; t = t.next()) {
                int index = t.lasti() / 2;
                entries.add(new String[] {t.code().filename(), Integer.toString(t.lineno()), t.code().name(),
                    Integer.toString(t.code().columnAt(index)), Integer.toString(t.code().endLineAt(index)),
                    Integer.toString(t.code().endColumnAt(index))});
            }
            appendEntries(entries, b, true);
        }
        b.append(exceptionLine(value)).append('\n');
    }

    /** {@code Type: message}, or just {@code Type} when the message is empty. */
    public static String exceptionLine(PyBaseException value) {
        String name = value.type().qualifiedName();
        String message;
        try {
            message = value.str();
        } catch (PyException e) {
            e.release();
            message = "<exception str() failed>";
        }
        return message.isEmpty() ? name : name + ": " + message;
    }

    private static void appendEntries(List<String[]> entries, StringBuilder b, boolean withSource) {
        String[] last = null;
        int repeats = 0;
        for (String[] e : entries) {
            if (last != null && last[0].equals(e[0]) && last[1].equals(e[1]) && last[2].equals(e[2])) {
                repeats++;
                if (repeats >= RECURSIVE_CUTOFF) {
                    continue;
                }
            } else {
                flushRepeats(b, repeats);
                repeats = 0;
                last = e;
            }
            appendEntry(e, b, withSource);
        }
        flushRepeats(b, repeats);
    }

    private static void flushRepeats(StringBuilder b, int repeats) {
        if (repeats >= RECURSIVE_CUTOFF) {
            int more = repeats - RECURSIVE_CUTOFF + 1;
            b.append("  [Previous line repeated ").append(more).append(" more time").append(more > 1 ? "s" : "")
                    .append("]\n");
        }
    }

    private static void appendEntry(String[] e, StringBuilder b, boolean withSource) {
        b.append("  File \"").append(e[0]).append("\", line ").append(e[1]).append(", in ").append(e[2]).append('\n');
        if (withSource) {
            int lineno = Integer.parseInt(e[1]);
            String line = sources() == null ? null : sources().line(e[0], lineno);
            if (line != null && !line.isBlank()) {
                String shown = line.strip();
                b.append("    ").append(shown).append('\n');
                if (e.length > 3) {
                    Carets.append(b, line, shown, lineno, Integer.parseInt(e[3]), Integer.parseInt(e[4]),
                            Integer.parseInt(e[5]));
                }
            }
        }
    }

    private static SourceCache sources() {
        if (Thread.currentThread() instanceof PyThread t) {
            return t.interpreter().sources();
        }
        return null;
    }

    /** Prints a NotSupportedError with the Python frames it passed through. */
    public static void printNotSupported(PyThreadState ts, NotSupportedError e, PrintStream out) {
        StringBuilder b = new StringBuilder();
        if (!e.frames().isEmpty()) {
            b.append("Traceback (most recent call last):\n");
            List<String[]> entries = new ArrayList<>(e.frames());
            java.util.Collections.reverse(entries);
            appendEntries(entries, b, true);
        }
        b.append("NotSupportedError: ").append(e.getMessage()).append('\n');
        out.print(b);
        out.flush();
    }

    /** Prints a thread's Python stack, innermost first, as CPython's faulthandler does. */
    public static void printThreadStack(PyThreadState ts, PrintStream out) {
        if (ts == null) {
            return;
        }
        out.print(formatThreadStack(ts));
        out.flush();
    }

    /** The text {@link #printThreadStack} prints for the thread's frames now. */
    public static String formatThreadStack(PyThreadState ts) {
        StringBuilder b = new StringBuilder();
        b.append("\nThread '").append(ts.name()).append("' (most recent call first):\n");
        for (Frame f = ts.frame; f != null; f = f.back()) {
            b.append("  File \"").append(f.code().filename()).append("\", line ").append(f.currentLine())
                    .append(" in ").append(f.code().name()).append('\n');
        }
        return b.toString();
    }
}
