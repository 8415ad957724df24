package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.bytecode.OpcodeNumbers;

/**
 * A code object: compiled bytecode with the tables it refers to, as CPython 3.10's
 * {@code PyCodeObject} ({@code co_code}, {@code co_consts}, {@code co_names}, {@code co_varnames},
 * {@code co_cellvars}, {@code co_freevars}...). Immutable.
 *
 * <p>Besides the wordcode bytes ({@code co_code}: two bytes per instruction, opcode then argument,
 * with {@code EXTENDED_ARG} prefixes) it keeps a decoded copy for the eval loop: one int per
 * instruction, {@code opcode | argument << 8}, with each {@code EXTENDED_ARG} prefix already folded
 * into the argument of the instruction it extends. Indices into the decoded array are
 * instruction numbers, byte offsets halved.
 */
public final class PyCode extends PyObject {

    public static final int CO_OPTIMIZED = 0x0001;
    public static final int CO_NEWLOCALS = 0x0002;
    public static final int CO_VARARGS = 0x0004;
    public static final int CO_VARKEYWORDS = 0x0008;
    public static final int CO_NESTED = 0x0010;
    public static final int CO_GENERATOR = 0x0020;
    public static final int CO_NOFREE = 0x0040;

    public static final PyType TYPE = PyType.builtin("code", PyType.OBJECT).finalType()
            .getter("co_name", self -> PyStr.of(((PyCode) self).name))
            .getter("co_qualname", self -> PyStr.of(((PyCode) self).qualname))
            .getter("co_filename", self -> PyStr.of(((PyCode) self).filename))
            .getter("co_firstlineno", self -> PyInt.of(((PyCode) self).firstLineNumber))
            .getter("co_argcount", self -> PyInt.of(((PyCode) self).argCount))
            .getter("co_posonlyargcount", self -> PyInt.of(((PyCode) self).positionalOnlyCount))
            .getter("co_kwonlyargcount", self -> PyInt.of(((PyCode) self).keywordOnlyCount))
            .getter("co_nlocals", self -> PyInt.of(((PyCode) self).varnames.size()))
            .getter("co_stacksize", self -> PyInt.of(((PyCode) self).stackSize))
            .getter("co_flags", self -> PyInt.of(((PyCode) self).flags))
            .getter("co_consts", self -> Refs.newRef(((PyCode) self).consts))
            .getter("co_names", self -> Refs.newRef(((PyCode) self).names))
            .getter("co_varnames", self -> Refs.newRef(((PyCode) self).varnames))
            .getter("co_cellvars", self -> Refs.newRef(((PyCode) self).cellvars))
            .getter("co_freevars", self -> Refs.newRef(((PyCode) self).freevars))
            .build();

    /**
     * Everything a code object is made of, as the compiler produces it.
     *
     * @param name {@code co_name}
     * @param qualname {@code co_qualname}
     * @param filename {@code co_filename}
     * @param firstLineNumber {@code co_firstlineno}
     * @param argCount {@code co_argcount}
     * @param positionalOnlyCount {@code co_posonlyargcount}
     * @param keywordOnlyCount {@code co_kwonlyargcount}
     * @param stackSize {@code co_stacksize}
     * @param flags {@code co_flags}
     * @param code {@code co_code}: wordcode bytes
     * @param consts {@code co_consts} (the code object takes over the reference)
     * @param names {@code co_names} (immortal strings)
     * @param varnames {@code co_varnames}
     * @param cellvars {@code co_cellvars}
     * @param freevars {@code co_freevars}
     * @param lines the line of each instruction
     * @param columns the start column of each instruction's source range (0-based), or -1
     * @param endLines the end line of each instruction's source range
     * @param endColumns the end column of each instruction's source range
     * @param cell2arg for each cell variable, the argument it starts from, or -1
     */
    public record Parts(String name, String qualname, String filename, int firstLineNumber, int argCount,
            int positionalOnlyCount, int keywordOnlyCount, int stackSize, int flags, byte[] code,
            PyTuple consts, PyTuple names, PyTuple varnames, PyTuple cellvars, PyTuple freevars,
            int[] lines, int[] columns, int[] endLines, int[] endColumns, int[] cell2arg) {
    }

    private final String name;
    private final String qualname;
    private final String filename;
    private final int firstLineNumber;
    private final int argCount;
    private final int positionalOnlyCount;
    private final int keywordOnlyCount;
    private final int stackSize;
    private final int flags;
    private final byte[] code;
    private final PyTuple consts;
    private final PyTuple names;
    private final PyTuple varnames;
    private final PyTuple cellvars;
    private final PyTuple freevars;
    private final int[] lines;
    private final int[] columns;
    private final int[] endLines;
    private final int[] endColumns;
    private final int[] cell2arg;

    /** Decoded instructions: {@code opcode | arg << 8}, EXTENDED_ARG folded in. */
    private final int[] instructions;
    /** {@code co_consts} as an array, for LOAD_CONST. */
    private final PyObject[] constArray;
    /** {@code co_names} as an array, for name lookups. */
    private final PyStr[] nameArray;

    public PyCode(Parts p) {
        requireNonNull(p, "parts is null");
        this.name = p.name();
        this.qualname = p.qualname();
        this.filename = p.filename();
        this.firstLineNumber = p.firstLineNumber();
        this.argCount = p.argCount();
        this.positionalOnlyCount = p.positionalOnlyCount();
        this.keywordOnlyCount = p.keywordOnlyCount();
        this.stackSize = p.stackSize();
        this.flags = p.flags();
        this.code = p.code().clone();
        this.consts = p.consts();
        this.names = p.names();
        this.varnames = p.varnames();
        this.cellvars = p.cellvars();
        this.freevars = p.freevars();
        this.lines = p.lines();
        this.columns = p.columns();
        this.endLines = p.endLines();
        this.endColumns = p.endColumns();
        this.cell2arg = p.cell2arg();
        this.instructions = decode(this.code);
        this.constArray = consts.array();
        this.nameArray = new PyStr[names.size()];
        for (int i = 0; i < nameArray.length; i++) {
            nameArray[i] = (PyStr) names.get(i);
        }
        // Shared by every thread that runs the code, and LOAD_CONST counts them on every use:
        // deferred, as free-threaded CPython immortalizes code objects and their constants.
        Refs.deferred(this);
        Refs.deferred(consts);
        for (PyObject c : constArray) {
            Refs.deferred(c);
            if (c instanceof PyTuple t) {
                for (PyObject item : t.array()) {
                    Refs.deferred(item);
                }
            }
        }
    }

    private static int[] decode(byte[] code) {
        int[] out = new int[code.length / 2];
        int ext = 0;
        for (int i = 0; i < out.length; i++) {
            int op = code[2 * i] & 0xFF;
            int arg = (code[2 * i + 1] & 0xFF) | ext;
            out[i] = op | (arg << 8);
            ext = op == OpcodeNumbers.EXTENDED_ARG ? arg << 8 : 0;
        }
        return out;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    public String name() {
        return name;
    }

    public String qualname() {
        return qualname;
    }

    public String filename() {
        return filename;
    }

    public int firstLineNumber() {
        return firstLineNumber;
    }

    public int argCount() {
        return argCount;
    }

    public int positionalOnlyCount() {
        return positionalOnlyCount;
    }

    public int keywordOnlyCount() {
        return keywordOnlyCount;
    }

    /** Positional plus keyword-only parameters, without {@code *args}/{@code **kwargs}. */
    public int totalArgCount() {
        return argCount + keywordOnlyCount;
    }

    public int stackSize() {
        return stackSize;
    }

    public int flags() {
        return flags;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** {@code co_code}: a copy of the wordcode bytes. */
    public byte[] codeBytes() {
        return code.clone();
    }

    /** The decoded instruction array, shared: callers must not change it. */
    public int[] instructions() {
        return instructions;
    }

    public PyTuple consts() {
        return consts;
    }

    /** {@code co_consts} as a shared array. */
    public PyObject[] constArray() {
        return constArray;
    }

    public PyTuple names() {
        return names;
    }

    /** {@code co_names} as a shared array. */
    public PyStr[] nameArray() {
        return nameArray;
    }

    public PyTuple varnames() {
        return varnames;
    }

    public PyTuple cellvars() {
        return cellvars;
    }

    public PyTuple freevars() {
        return freevars;
    }

    /** Number of fast locals ({@code co_nlocals}). */
    public int localCount() {
        return varnames.size();
    }

    /** Size of the frame's local-plus array: locals, then cells, then free variables. */
    public int localsPlusSize() {
        return varnames.size() + cellvars.size() + freevars.size();
    }

    /** For each cell variable, the argument slot whose value it starts with, or -1. */
    public int[] cell2arg() {
        return cell2arg;
    }

    /** The name of local-plus slot {@code i} (a local, cell or free variable). */
    public String localPlusName(int i) {
        int n = varnames.size();
        if (i < n) {
            return ((PyStr) varnames.get(i)).value();
        }
        i -= n;
        if (i < cellvars.size()) {
            return ((PyStr) cellvars.get(i)).value();
        }
        return ((PyStr) freevars.get(i - cellvars.size())).value();
    }

    /** The name of a cell or free variable, by its index among {@code cellvars + freevars}. */
    public String derefName(int i) {
        if (i < cellvars.size()) {
            return ((PyStr) cellvars.get(i)).value();
        }
        return ((PyStr) freevars.get(i - cellvars.size())).value();
    }

    /** The source line of the instruction at byte offset {@code offset}. */
    public int lineForOffset(int offset) {
        int i = offset / 2;
        if (i < 0 || i >= lines.length) {
            return firstLineNumber;
        }
        return lines[i];
    }

    /** The line of instruction number {@code index}. */
    public int lineAt(int index) {
        return index >= 0 && index < lines.length ? lines[index] : firstLineNumber;
    }

    /** The start column of instruction {@code index}'s source range, or -1. */
    public int columnAt(int index) {
        return columns != null && index >= 0 && index < columns.length ? columns[index] : -1;
    }

    /** The end line of instruction {@code index}'s source range. */
    public int endLineAt(int index) {
        return endLines != null && index >= 0 && index < endLines.length ? endLines[index] : lineAt(index);
    }

    /** The end column of instruction {@code index}'s source range, or -1. */
    public int endColumnAt(int index) {
        return endColumns != null && index >= 0 && index < endColumns.length ? endColumns[index] : -1;
    }

    /** True for generator functions. */
    public boolean isGenerator() {
        return (flags & CO_GENERATOR) != 0;
    }

    @Override
    public String repr() {
        return "<code object " + name + " at " + Identity.address(this) + ", file \"" + filename + "\", line "
                + firstLineNumber + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(consts);
        visitor.visit(names);
        visitor.visit(varnames);
        visitor.visit(cellvars);
        visitor.visit(freevars);
    }
}
