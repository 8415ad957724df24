package dev.interlock.vm.bytecode;

import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.ops.Compare;
import java.util.HashSet;
import java.util.Set;

/**
 * Disassembles code objects in the layout of CPython 3.10's {@code dis}: line number, current
 * marker, jump-target marker, offset, opcode name, argument and its meaning in parentheses, a
 * blank line before each new source line, and nested code objects after their parent under
 * {@code Disassembly of <code object ...>:}.
 */
public final class Disassembler {

    private static final int OPNAME_WIDTH = 20;
    private static final int OPARG_WIDTH = 5;
    private static final String[] FORMAT_CONVERTERS = {"", "str", "repr", "ascii"};
    private static final String[] MAKE_FUNCTION_FLAGS = {"defaults", "kwdefaults", "annotations", "closure"};

    private Disassembler() {
    }

    /** Disassembles {@code code} and, recursively, the code objects among its constants. */
    public static String disassembleRecursive(PyCode code) {
        StringBuilder out = new StringBuilder();
        recurse(code, out);
        return out.toString();
    }

    private static void recurse(PyCode code, StringBuilder out) {
        disassemble(code, out);
        for (PyObject c : code.constArray()) {
            if (c instanceof PyCode nested) {
                out.append('\n');
                out.append("Disassembly of ").append(nested.repr()).append(":\n");
                recurse(nested, out);
            }
        }
    }

    /** Disassembles one code object. */
    public static void disassemble(PyCode code, StringBuilder out) {
        byte[] bytes = code.codeBytes();
        int n = bytes.length / 2;
        int maxLine = 0;
        for (int i = 0; i < n; i++) {
            maxLine = Math.max(maxLine, code.lineAt(i));
        }
        int linenoWidth = maxLine >= 1000 ? Integer.toString(maxLine).length() : 3;
        int maxOffset = bytes.length - 2;
        int offsetWidth = maxOffset >= 10000 ? Integer.toString(maxOffset).length() : 4;
        Set<Integer> labels = jumpTargets(bytes);
        int extended = 0;
        int previousLine = -1;
        for (int i = 0; i < n; i++) {
            int offset = 2 * i;
            int op = bytes[offset] & 0xFF;
            Opcode opcode = Opcode.of(op);
            Integer arg = null;
            if (op >= OpcodeNumbers.HAVE_ARGUMENT) {
                arg = (bytes[offset + 1] & 0xFF) | extended;
                extended = op == OpcodeNumbers.EXTENDED_ARG ? arg << 8 : 0;
            } else {
                extended = 0;
            }
            int line = code.lineAt(i);
            boolean startsLine = line != previousLine;
            previousLine = line;
            if (startsLine && offset > 0) {
                out.append('\n');
            }
            StringBuilder fields = new StringBuilder();
            fields.append(startsLine ? String.format("%" + linenoWidth + "d", line) : " ".repeat(linenoWidth));
            fields.append(' ').append("   ");
            fields.append(' ').append(labels.contains(offset) ? ">>" : "  ");
            fields.append(' ').append(pad(Integer.toString(offset), offsetWidth, true));
            String name = opcode == null ? "<" + op + ">" : opcode.name();
            fields.append(' ').append(pad(name, OPNAME_WIDTH, false));
            if (arg != null) {
                fields.append(' ').append(pad(Integer.toString(arg), OPARG_WIDTH, true));
                String argrepr = opcode == null ? "" : argRepr(code, opcode, arg, offset);
                if (!argrepr.isEmpty()) {
                    fields.append(' ').append('(').append(argrepr).append(')');
                }
            }
            out.append(fields.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }

    /** CPython's {@code findlabels}: offsets that some jump targets. */
    private static Set<Integer> jumpTargets(byte[] bytes) {
        Set<Integer> labels = new HashSet<>();
        int extended = 0;
        for (int offset = 0; offset < bytes.length; offset += 2) {
            int op = bytes[offset] & 0xFF;
            if (op < OpcodeNumbers.HAVE_ARGUMENT) {
                extended = 0;
                continue;
            }
            int arg = (bytes[offset + 1] & 0xFF) | extended;
            extended = op == OpcodeNumbers.EXTENDED_ARG ? arg << 8 : 0;
            Opcode opcode = Opcode.of(op);
            if (opcode == null) {
                continue;
            }
            if (opcode.argKind() == Opcode.ArgKind.JREL) {
                labels.add(offset + 2 + arg * 2);
            } else if (opcode.argKind() == Opcode.ArgKind.JABS) {
                labels.add(arg * 2);
            }
        }
        return labels;
    }

    private static String argRepr(PyCode code, Opcode op, int arg, int offset) {
        switch (op.argKind()) {
            case CONST:
                return arg < code.constArray().length ? code.constArray()[arg].repr() : "";
            case NAME:
                return arg < code.nameArray().length ? code.nameArray()[arg].value() : "";
            case LOCAL:
                return arg < code.varnames().size() ? code.localPlusName(arg) : "";
            case FREE:
                return code.derefName(arg);
            case JABS:
                return "to " + arg * 2;
            case JREL:
                return "to " + (offset + 2 + arg * 2);
            case COMPARE:
                return arg >= 0 && arg < 6 ? Compare.symbol(arg) : "";
            case FORMAT_FLAGS: {
                String r = FORMAT_CONVERTERS[arg & 0x3];
                if ((arg & Opcode.FVS_HAVE_SPEC) != 0) {
                    r = r.isEmpty() ? "with format" : r + ", with format";
                }
                return r;
            }
            case FUNCTION_FLAGS: {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < MAKE_FUNCTION_FLAGS.length; i++) {
                    if ((arg & (1 << i)) != 0) {
                        if (b.length() > 0) {
                            b.append(", ");
                        }
                        b.append(MAKE_FUNCTION_FLAGS[i]);
                    }
                }
                return b.toString();
            }
            default:
                return "";
        }
    }
}
