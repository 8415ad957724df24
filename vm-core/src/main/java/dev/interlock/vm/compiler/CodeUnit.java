package dev.interlock.vm.compiler;

import dev.interlock.vm.bytecode.Opcode;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code being generated for one scope, and the assembler that turns it into a code object:
 * jump labels resolved to CPython 3.10's instruction-unit arguments, {@code EXTENDED_ARG}
 * prefixes where an argument needs more than a byte, unreachable instructions dropped, the
 * maximum stack depth computed from {@link Opcode#stackEffect}, and the line of every instruction
 * kept. Compare {@code assemble()} in CPython 3.10's {@code Python/compile.c}.
 */
final class CodeUnit {

    /** A jump target; bound to a position once the code after it is emitted. */
    static final class Label {
        int index = -1;
    }

    /** One instruction, with its jump target if it has one, and its source range. */
    static final class Instr {
        final Opcode op;
        int arg;
        final Label target;
        final int line;
        final int column;
        final int endLine;
        final int endColumn;

        Instr(Opcode op, int arg, Label target, int line, int column, int endLine, int endColumn) {
            this.op = op;
            this.arg = arg;
            this.target = target;
            this.line = line;
            this.column = column;
            this.endLine = endLine;
            this.endColumn = endColumn;
        }
    }

    final Scope scope;
    final String name;
    final String qualname;
    final String filename;
    final int firstLine;
    final List<Instr> instrs = new ArrayList<>();
    private final List<Object> constKeys = new ArrayList<>();
    private final List<PyObject> consts = new ArrayList<>();
    private final Map<String, Integer> names = new LinkedHashMap<>();
    final List<String> varnames = new ArrayList<>();
    final List<String> cellvars = new ArrayList<>();
    final List<String> freevars = new ArrayList<>();
    int argCount;
    int posonlyCount;
    int kwonlyCount;
    int flags;
    private int lastBound = -1;

    /** The source range given to instructions emitted now. */
    int line;
    int column = -1;
    int endLine;
    int endColumn = -1;

    CodeUnit(Scope scope, String name, String qualname, String filename, int firstLine) {
        this.scope = scope;
        this.name = name;
        this.qualname = qualname;
        this.filename = filename;
        this.firstLine = firstLine;
        this.line = firstLine;
        this.endLine = firstLine;
    }

    // ------------------------------------------------------------------ tables

    /** The index of a constant, adding it (the unit takes over the reference) if new. */
    int addConst(Object key, PyObject value) {
        for (int i = 0; i < constKeys.size(); i++) {
            if (ConstKeys.same(constKeys.get(i), key)) {
                Refs.decref(value);
                return i;
            }
        }
        constKeys.add(key);
        consts.add(value);
        return consts.size() - 1;
    }

    /** The index of a name in {@code co_names}. */
    int addName(String n) {
        return names.computeIfAbsent(n, k -> names.size());
    }

    /** The index of a local in {@code co_varnames}, adding it if new. */
    int varIndex(String n) {
        int i = varnames.indexOf(n);
        if (i < 0) {
            varnames.add(n);
            i = varnames.size() - 1;
        }
        return i;
    }

    /** The index of a cell or free variable among {@code cellvars + freevars}. */
    int derefIndex(String n) {
        int i = cellvars.indexOf(n);
        if (i >= 0) {
            return i;
        }
        i = freevars.indexOf(n);
        if (i >= 0) {
            return cellvars.size() + i;
        }
        throw new IllegalStateException("not a cell or free variable: " + n + " in " + name);
    }

    // ------------------------------------------------------------------ emitting

    void emit(Opcode op) {
        emit(op, 0);
    }

    void emit(Opcode op, int arg) {
        instrs.add(new Instr(op, arg, null, line, column, endLine, endColumn));
    }

    void emitJump(Opcode op, Label target) {
        instrs.add(new Instr(op, 0, target, line, column, endLine, endColumn));
    }

    Label newLabel() {
        return new Label();
    }

    void bind(Label label) {
        label.index = instrs.size();
        lastBound = label.index;
    }

    /**
     * True if the last instruction emitted never falls through and no label marks the current
     * position (a label there makes the next instruction reachable by a jump).
     */
    boolean lastIsTerminal() {
        if (instrs.isEmpty() || lastBound == instrs.size()) {
            return false;
        }
        Opcode op = instrs.get(instrs.size() - 1).op;
        return isTerminal(op);
    }

    private static boolean isTerminal(Opcode op) {
        return op == Opcode.RETURN_VALUE || op == Opcode.RAISE_VARARGS || op == Opcode.RERAISE
                || op == Opcode.JUMP_ABSOLUTE || op == Opcode.JUMP_FORWARD;
    }

    // ------------------------------------------------------------------ assembling

    /** Assembles the code object. */
    PyCode assemble() {
        removeUnreachable();
        int n = instrs.size();
        int[] sizes = new int[n];
        Arrays.fill(sizes, 1);
        int[] offsets = new int[n + 1];
        int[] args = new int[n];
        // Extended arguments change offsets, which change jump arguments: iterate to a fixed point.
        boolean changed = true;
        while (changed) {
            changed = false;
            int off = 0;
            for (int i = 0; i < n; i++) {
                offsets[i] = off;
                off += sizes[i] * 2;
            }
            offsets[n] = off;
            for (int i = 0; i < n; i++) {
                Instr in = instrs.get(i);
                int arg = in.arg;
                if (in.target != null) {
                    int targetOffset = offsets[in.target.index];
                    if (in.op.argKind() == Opcode.ArgKind.JABS) {
                        arg = targetOffset / 2;
                    } else {
                        arg = (targetOffset - offsets[i + 1]) / 2;
                    }
                }
                args[i] = arg;
                int size = arg > 0xFFFFFF ? 4 : arg > 0xFFFF ? 3 : arg > 0xFF ? 2 : 1;
                if (size != sizes[i]) {
                    sizes[i] = size;
                    changed = true;
                }
            }
        }
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        int total = offsets[n] / 2;
        int[] lines = new int[total];
        int[] cols = new int[total];
        int[] endLines = new int[total];
        int[] endCols = new int[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Instr in = instrs.get(i);
            int arg = args[i];
            for (int ext = sizes[i] - 1; ext >= 1; ext--) {
                code.write(Opcode.EXTENDED_ARG.code());
                code.write((arg >>> (8 * ext)) & 0xFF);
                lines[k] = in.line;
                cols[k] = in.column;
                endLines[k] = in.endLine;
                endCols[k] = in.endColumn;
                k++;
            }
            code.write(in.op.code());
            code.write(in.op.hasArgument() ? arg & 0xFF : 0);
            lines[k] = in.line;
            cols[k] = in.column;
            endLines[k] = in.endLine;
            endCols[k] = in.endColumn;
            k++;
        }
        int stackSize = stackDepth();
        int[] cell2arg = new int[cellvars.size()];
        for (int i = 0; i < cell2arg.length; i++) {
            int argIndex = varnames.indexOf(cellvars.get(i));
            int totalArgs = argCount + kwonlyCount + ((flags & PyCode.CO_VARARGS) != 0 ? 1 : 0)
                    + ((flags & PyCode.CO_VARKEYWORDS) != 0 ? 1 : 0);
            cell2arg[i] = argIndex >= 0 && argIndex < totalArgs ? argIndex : -1;
        }
        PyCode.Parts parts = new PyCode.Parts(name, qualname, filename, firstLine, argCount, posonlyCount, kwonlyCount,
                stackSize, flags, code.toByteArray(), PyTuple.steal(consts.toArray(new PyObject[0])),
                names(new ArrayList<>(names.keySet())), names(varnames), names(cellvars), names(freevars), lines, cols,
                endLines, endCols, cell2arg);
        return new PyCode(parts);
    }

    private static PyTuple names(List<String> list) {
        PyObject[] items = new PyObject[list.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = PyStr.immortal(list.get(i));
        }
        return PyTuple.steal(items);
    }

    /** Drops instructions no path from the entry (or from a handler) reaches, fixing labels. */
    private void removeUnreachable() {
        int n = instrs.size();
        boolean[] reachable = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        if (n > 0) {
            work.push(0);
        }
        while (!work.isEmpty()) {
            int i = work.pop();
            while (i < n && !reachable[i]) {
                reachable[i] = true;
                Instr in = instrs.get(i);
                if (in.target != null) {
                    work.push(in.target.index);
                }
                if (isTerminal(in.op)) {
                    break;
                }
                i++;
            }
        }
        Map<Integer, Integer> newIndex = new HashMap<>();
        List<Instr> kept = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            newIndex.put(i, kept.size());
            if (i < n && reachable[i]) {
                kept.add(instrs.get(i));
            }
        }
        // Several jumps may share one label: move each label once.
        Set<Label> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Instr in : kept) {
            if (in.target != null && moved.add(in.target)) {
                in.target.index = newIndex.get(in.target.index);
            }
        }
        instrs.clear();
        instrs.addAll(kept);
        // labels referring past the end (a jump to the end of code) stay valid: index == size
    }

    /** The maximum stack depth over every path. */
    private int stackDepth() {
        int n = instrs.size();
        int[] depth = new int[n + 1];
        Arrays.fill(depth, -1);
        Deque<Integer> work = new ArrayDeque<>();
        int max = 0;
        if (n > 0) {
            depth[0] = 0;
            work.push(0);
        }
        while (!work.isEmpty()) {
            int i = work.pop();
            int d = depth[i];
            while (i < n) {
                Instr in = instrs.get(i);
                if (in.target != null) {
                    int jd = d + in.op.stackEffect(in.arg, true);
                    max = Math.max(max, jd);
                    int t = in.target.index;
                    if (t <= n && depth[t] < jd) {
                        depth[t] = jd;
                        work.push(t);
                    }
                }
                d = d + in.op.stackEffect(in.arg, false);
                max = Math.max(max, d);
                if (isTerminal(in.op)) {
                    break;
                }
                i++;
                if (i < n && depth[i] >= d) {
                    break;
                }
                if (i <= n) {
                    depth[i] = Math.max(depth[i], d);
                }
            }
        }
        return max;
    }
}
