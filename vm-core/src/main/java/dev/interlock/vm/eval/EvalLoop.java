package dev.interlock.vm.eval;

import static dev.interlock.vm.bytecode.OpcodeNumbers.*;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.InterpreterError;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.errors.TracebackPrinter;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyCell;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFunction;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PySlice;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.ops.UnaryOp;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.PyThreadState;

/**
 * The bytecode interpreter: CPython 3.10's {@code _PyEval_EvalFrameDefault}, with the same
 * instructions, the same block stack for exceptions, and the same places where a thread can be
 * asked to give up the interpreter.
 *
 * <h2>Check points</h2>
 * The loop polls the thread's eval-breaker word (one opaque load) at the check points the
 * strategy asks for ({@link LockingStrategy#checkPoints()}):
 * <ul>
 *   <li>{@link CheckPoints#CALLS_AND_BACKWARD_JUMPS}, CPython 3.10 and later: on entry to a frame,
 *       at {@code JUMP_ABSOLUTE}, at a taken {@code POP_JUMP_IF_TRUE}/{@code POP_JUMP_IF_FALSE},
 *       and after every call. A simple statement like {@code n += 1} runs without one.</li>
 *   <li>{@link CheckPoints#EVERY_INSTRUCTION}: before every instruction, as CPython before 3.10
 *       could switch threads between any two instructions.</li>
 *   <li>{@link CheckPoints#TICKS}: every {@code sys.getcheckinterval()} instructions, Python 2's
 *       ticker.</li>
 * </ul>
 * When the word is non-zero the loop calls {@link #handleBreaker}, which gives the strategy its
 * bits; nothing else in the loop knows which strategy runs.
 *
 * <h2>References</h2>
 * Every stack slot holds a counted reference. Instructions compute with their operands still on
 * the stack and pop them only after the operation succeeded, so an exception thrown halfway leaves
 * the stack consistent for the unwinder, with no {@code try/finally} per instruction.
 */
public final class EvalLoop {

    private final Interpreter interpreter;
    private final LockingStrategy strategy;
    private final MemoryManager mm;
    private final CheckPoints checkPoints;
    /** Backward jumps between two renewals of a running frame's slots (see Frame.renewSlots). */
    private static final int RENEW_SLOTS_MASK = (1 << 12) - 1;

    public EvalLoop(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.strategy = interpreter.strategy();
        this.mm = interpreter.memory();
        this.checkPoints = strategy.checkPoints();
    }

    // ------------------------------------------------------------------ entry points

    /** Runs module code in {@code globals} (also its locals). */
    public void runModule(PyCode code, PyDict globals, PyThreadState ts) {
        PyDict builtins = FunctionCalls.builtinsOf(globals);
        Frame frame = new Frame(code, globals, builtins, globals);
        mm.incref(globals);
        try {
            mm.decref(run(frame, ts));
        } finally {
            mm.decref(globals); // on the exception path too
        }
    }

    /** Runs class-body or exec code with a separate locals namespace; returns its result. */
    public PyObject runWithLocals(PyCode code, PyDict globals, PyObject locals, PyThreadState ts) {
        PyDict builtins = FunctionCalls.builtinsOf(globals);
        Frame frame = new Frame(code, globals, builtins, locals);
        return run(frame, ts);
    }

    /**
     * Runs a prepared frame to completion (or to a yield, for generators) and returns a new
     * reference to its result. Links the frame into the thread's frame chain and enforces the
     * recursion limit.
     */
    public PyObject run(Frame frame, PyThreadState ts) {
        return run(frame, ts, null);
    }

    /**
     * Runs or resumes a frame. With {@code thrown} non-null the exception is raised at the point
     * where the frame is suspended, as {@code generator.throw} does; the frame's handlers see it.
     */
    PyObject run(Frame frame, PyThreadState ts, PyException thrown) {
        if (++ts.depth > interpreter.recursionLimit()) {
            ts.depth--;
            if (frame.generator == null) {
                releaseFrame(frame);
            }
            if (thrown != null) {
                thrown.release();
            }
            throw Errors.recursionError("maximum recursion depth exceeded");
        }
        frame.back = ts.frame;
        ts.frame = frame;
        try {
            return execute(frame, ts, frame.next == 0, thrown);
        } catch (StackOverflowError e) {
            releaseFrame(frame);
            throw Errors.recursionError("maximum recursion depth exceeded");
        } finally {
            ts.frame = frame.back;
            frame.back = null;
            ts.depth--;
        }
    }

    /** Gives back every reference a finished or abandoned frame still holds. */
    void releaseFrame(Frame f) {
        PyObject[] s = f.slots;
        int top = Math.max(f.sp, f.stackBase);
        for (int i = 0; i < top && i < s.length; i++) {
            PyObject o = s[i];
            if (o != null) {
                s[i] = null;
                mm.decref(o);
            }
        }
        f.sp = f.stackBase;
        f.finished = true;
    }

    // ------------------------------------------------------------------ the loop

    private PyObject execute(Frame f, PyThreadState ts, boolean entryCheck, PyException thrown) {
        final int[] code = f.code.instructions();
        PyObject[] s = f.slots; // renewed now and then by backward jumps (Frame.renewSlots)
        int backwardJumps = 0;
        final PyObject[] consts = f.code.constArray();
        final PyStr[] names = f.code.nameArray();
        final MemoryManager mm = this.mm;
        final boolean perInstruction = checkPoints != CheckPoints.CALLS_AND_BACKWARD_JUMPS;
        final int nlocals = f.code.localCount();
        int sp = f.sp;
        int pc = f.next;
        boolean reraise = false;
        PyException pending = thrown;

        if (entryCheck && !perInstruction && ts.evalBreaker() != 0) {
            handleBreaker(ts);
        }
        for (;;) {
            try {
                if (pending != null) {
                    PyException e = pending;
                    pending = null;
                    throw e;
                }
                for (;;) {
                    if (perInstruction) {
                        pollInstruction(ts);
                    }
                    final int word = code[pc++];
                    final int arg = word >>> 8;
                    switch (word & 0xFF) {
                        case NOP:
                        case EXTENDED_ARG:
                            continue;
                        case LOAD_FAST: {
                            PyObject v = s[arg];
                            if (v == null) {
                                throw unboundLocal(f.code, arg);
                            }
                            mm.incref(v);
                            s[sp++] = v;
                            continue;
                        }
                        case STORE_FAST: {
                            PyObject old = s[arg];
                            s[arg] = s[--sp];
                            s[sp] = null;
                            if (old != null) {
                                mm.decref(old);
                            }
                            continue;
                        }
                        case DELETE_FAST: {
                            PyObject old = s[arg];
                            if (old == null) {
                                throw unboundLocal(f.code, arg);
                            }
                            s[arg] = null;
                            mm.decref(old);
                            continue;
                        }
                        case LOAD_CONST: {
                            PyObject v = consts[arg];
                            mm.incref(v);
                            s[sp++] = v;
                            continue;
                        }
                        case POP_TOP: {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            mm.decref(v);
                            continue;
                        }
                        case ROT_TWO: {
                            PyObject top = s[sp - 1];
                            s[sp - 1] = s[sp - 2];
                            s[sp - 2] = top;
                            continue;
                        }
                        case ROT_THREE: {
                            PyObject top = s[sp - 1];
                            s[sp - 1] = s[sp - 2];
                            s[sp - 2] = s[sp - 3];
                            s[sp - 3] = top;
                            continue;
                        }
                        case ROT_FOUR: {
                            PyObject top = s[sp - 1];
                            s[sp - 1] = s[sp - 2];
                            s[sp - 2] = s[sp - 3];
                            s[sp - 3] = s[sp - 4];
                            s[sp - 4] = top;
                            continue;
                        }
                        case ROT_N: {
                            PyObject top = s[sp - 1];
                            System.arraycopy(s, sp - arg, s, sp - arg + 1, arg - 1);
                            s[sp - arg] = top;
                            continue;
                        }
                        case DUP_TOP: {
                            PyObject v = s[sp - 1];
                            mm.incref(v);
                            s[sp++] = v;
                            continue;
                        }
                        case DUP_TOP_TWO: {
                            PyObject a = s[sp - 2];
                            PyObject b = s[sp - 1];
                            mm.incref(a);
                            mm.incref(b);
                            s[sp++] = a;
                            s[sp++] = b;
                            continue;
                        }
                        case UNARY_POSITIVE:
                            sp = unary(s, sp, UnaryOp.POSITIVE);
                            continue;
                        case UNARY_NEGATIVE:
                            sp = unary(s, sp, UnaryOp.NEGATIVE);
                            continue;
                        case UNARY_INVERT:
                            sp = unary(s, sp, UnaryOp.INVERT);
                            continue;
                        case UNARY_NOT: {
                            PyObject v = s[sp - 1];
                            boolean t = v.isTrue();
                            s[sp - 1] = PyBool.of(!t);
                            mm.decref(v);
                            continue;
                        }
                        case BINARY_ADD:
                            sp = binaryAdd(s, sp, false);
                            continue;
                        case INPLACE_ADD:
                            sp = binaryAdd(s, sp, true);
                            continue;
                        case BINARY_SUBTRACT:
                            sp = binarySubtract(s, sp, false);
                            continue;
                        case INPLACE_SUBTRACT:
                            sp = binarySubtract(s, sp, true);
                            continue;
                        case BINARY_MULTIPLY:
                            sp = binary(s, sp, BinaryOp.MUL);
                            continue;
                        case BINARY_MATRIX_MULTIPLY:
                            sp = binary(s, sp, BinaryOp.MATMUL);
                            continue;
                        case BINARY_TRUE_DIVIDE:
                            sp = binary(s, sp, BinaryOp.TRUEDIV);
                            continue;
                        case BINARY_FLOOR_DIVIDE:
                            sp = binary(s, sp, BinaryOp.FLOORDIV);
                            continue;
                        case BINARY_MODULO:
                            sp = binary(s, sp, BinaryOp.MOD);
                            continue;
                        case BINARY_POWER:
                            sp = binary(s, sp, BinaryOp.POW);
                            continue;
                        case BINARY_LSHIFT:
                            sp = binary(s, sp, BinaryOp.LSHIFT);
                            continue;
                        case BINARY_RSHIFT:
                            sp = binary(s, sp, BinaryOp.RSHIFT);
                            continue;
                        case BINARY_AND:
                            sp = binary(s, sp, BinaryOp.AND);
                            continue;
                        case BINARY_XOR:
                            sp = binary(s, sp, BinaryOp.XOR);
                            continue;
                        case BINARY_OR:
                            sp = binary(s, sp, BinaryOp.OR);
                            continue;
                        case INPLACE_MULTIPLY:
                            sp = inplace(s, sp, BinaryOp.MUL);
                            continue;
                        case INPLACE_MATRIX_MULTIPLY:
                            sp = inplace(s, sp, BinaryOp.MATMUL);
                            continue;
                        case INPLACE_TRUE_DIVIDE:
                            sp = inplace(s, sp, BinaryOp.TRUEDIV);
                            continue;
                        case INPLACE_FLOOR_DIVIDE:
                            sp = inplace(s, sp, BinaryOp.FLOORDIV);
                            continue;
                        case INPLACE_MODULO:
                            sp = inplace(s, sp, BinaryOp.MOD);
                            continue;
                        case INPLACE_POWER:
                            sp = inplace(s, sp, BinaryOp.POW);
                            continue;
                        case INPLACE_LSHIFT:
                            sp = inplace(s, sp, BinaryOp.LSHIFT);
                            continue;
                        case INPLACE_RSHIFT:
                            sp = inplace(s, sp, BinaryOp.RSHIFT);
                            continue;
                        case INPLACE_AND:
                            sp = inplace(s, sp, BinaryOp.AND);
                            continue;
                        case INPLACE_XOR:
                            sp = inplace(s, sp, BinaryOp.XOR);
                            continue;
                        case INPLACE_OR:
                            sp = inplace(s, sp, BinaryOp.OR);
                            continue;
                        case BINARY_SUBSCR: {
                            PyObject container = s[sp - 2];
                            PyObject key = s[sp - 1];
                            PyObject r = container instanceof PyList l && l.isExact() && key instanceof PyInt i && i.isSmall()
                                    ? l.getIndex(i.longValue()) : container.getItem(key);
                            s[--sp] = null;
                            s[sp - 1] = r;
                            mm.decref(key);
                            mm.decref(container);
                            continue;
                        }
                        case STORE_SUBSCR: {
                            PyObject key = s[sp - 1];
                            PyObject container = s[sp - 2];
                            PyObject value = s[sp - 3];
                            container.setItem(key, value);
                            sp = popDecref(s, sp, 3);
                            continue;
                        }
                        case DELETE_SUBSCR: {
                            PyObject key = s[sp - 1];
                            PyObject container = s[sp - 2];
                            container.deleteItem(key);
                            sp = popDecref(s, sp, 2);
                            continue;
                        }
                        case COMPARE_OP: {
                            PyObject a = s[sp - 2];
                            PyObject b = s[sp - 1];
                            PyObject r = a instanceof PyInt x && b instanceof PyInt y && x.isSmall() && y.isSmall()
                                    ? PyBool.of(Compare.test(Long.compare(x.longValue(), y.longValue()), arg))
                                    : Compare.richCompare(a, b, arg);
                            s[--sp] = null;
                            s[sp - 1] = r;
                            mm.decref(b);
                            mm.decref(a);
                            continue;
                        }
                        case IS_OP: {
                            PyObject a = s[sp - 2];
                            PyObject b = s[sp - 1];
                            boolean r = (a == b) ^ (arg == 1);
                            s[--sp] = null;
                            s[sp - 1] = PyBool.of(r);
                            mm.decref(b);
                            mm.decref(a);
                            continue;
                        }
                        case CONTAINS_OP: {
                            PyObject item = s[sp - 2];
                            PyObject container = s[sp - 1];
                            boolean r = container.contains(item) ^ (arg == 1);
                            s[--sp] = null;
                            s[sp - 1] = PyBool.of(r);
                            mm.decref(container);
                            mm.decref(item);
                            continue;
                        }
                        case POP_JUMP_IF_FALSE: {
                            PyObject v = s[--sp];
                            boolean t = v == PyBool.TRUE || (v != PyBool.FALSE && v.isTrue());
                            s[sp] = null;
                            mm.decref(v);
                            if (!t) {
                                pc = arg;
                                if (!perInstruction && ts.evalBreaker() != 0) {
                                    f.lasti = pc;
                                    handleBreaker(ts);
                                }
                            }
                            continue;
                        }
                        case POP_JUMP_IF_TRUE: {
                            PyObject v = s[--sp];
                            boolean t = v == PyBool.TRUE || (v != PyBool.FALSE && v.isTrue());
                            s[sp] = null;
                            mm.decref(v);
                            if (t) {
                                if (arg < pc && (++backwardJumps & RENEW_SLOTS_MASK) == 0) {
                                    s = f.renewSlots(); // the bottom test of a while loop
                                }
                                pc = arg;
                                if (!perInstruction && ts.evalBreaker() != 0) {
                                    f.lasti = pc;
                                    handleBreaker(ts);
                                }
                            }
                            continue;
                        }
                        case JUMP_IF_FALSE_OR_POP: {
                            PyObject v = s[sp - 1];
                            if (!v.isTrue()) {
                                pc = arg;
                            } else {
                                s[--sp] = null;
                                mm.decref(v);
                            }
                            continue;
                        }
                        case JUMP_IF_TRUE_OR_POP: {
                            PyObject v = s[sp - 1];
                            if (v.isTrue()) {
                                pc = arg;
                            } else {
                                s[--sp] = null;
                                mm.decref(v);
                            }
                            continue;
                        }
                        case JUMP_FORWARD:
                            pc += arg;
                            continue;
                        case JUMP_ABSOLUTE:
                            if ((++backwardJumps & RENEW_SLOTS_MASK) == 0 && arg < pc) {
                                s = f.renewSlots();
                            }
                            pc = arg;
                            if (!perInstruction && ts.evalBreaker() != 0) {
                                f.lasti = pc;
                                handleBreaker(ts);
                            }
                            continue;
                        case GET_ITER: {
                            PyObject v = s[sp - 1];
                            PyObject it = v.iter();
                            s[sp - 1] = it;
                            mm.decref(v);
                            continue;
                        }
                        case FOR_ITER: {
                            PyObject next = s[sp - 1].next();
                            if (next != null) {
                                s[sp++] = next;
                            } else {
                                PyObject it = s[--sp];
                                s[sp] = null;
                                mm.decref(it);
                                pc += arg;
                            }
                            continue;
                        }
                        case LOAD_GLOBAL: {
                            PyObject v = Names.loadGlobal(f, names[arg]);
                            s[sp++] = v;
                            continue;
                        }
                        case STORE_GLOBAL: {
                            PyObject v = s[sp - 1];
                            f.globals.setItem(names[arg], v);
                            s[--sp] = null;
                            mm.decref(v);
                            continue;
                        }
                        case DELETE_GLOBAL:
                            if (!f.globals.removeIfPresent(names[arg])) {
                                throw Errors.nameError(names[arg].value());
                            }
                            continue;
                        case LOAD_NAME:
                            s[sp++] = Names.loadName(f, names[arg]);
                            continue;
                        case STORE_NAME: {
                            PyObject v = s[sp - 1];
                            Names.storeName(f, names[arg], v);
                            s[--sp] = null;
                            mm.decref(v);
                            continue;
                        }
                        case DELETE_NAME:
                            Names.deleteName(f, names[arg]);
                            continue;
                        case LOAD_DEREF:
                        case LOAD_CLASSDEREF: {
                            PyObject v = (word & 0xFF) == LOAD_CLASSDEREF
                                    ? Names.loadClassDeref(f, nlocals + arg, arg)
                                    : ((PyCell) s[nlocals + arg]).getNew();
                            if (v == null) {
                                throw Names.unboundDeref(f.code, arg);
                            }
                            s[sp++] = v;
                            continue;
                        }
                        case STORE_DEREF: {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            ((PyCell) s[nlocals + arg]).setSteal(v);
                            continue;
                        }
                        case DELETE_DEREF: {
                            PyCell cell = (PyCell) s[nlocals + arg];
                            PyObject v = cell.getNew();
                            if (v == null) {
                                throw Names.unboundDeref(f.code, arg);
                            }
                            mm.decref(v);
                            cell.setSteal(null);
                            continue;
                        }
                        case LOAD_CLOSURE: {
                            PyObject cell = s[nlocals + arg];
                            mm.incref(cell);
                            s[sp++] = cell;
                            continue;
                        }
                        case LOAD_ATTR: {
                            PyObject owner = s[sp - 1];
                            PyObject v = owner.getAttribute(names[arg]);
                            s[sp - 1] = v;
                            mm.decref(owner);
                            continue;
                        }
                        case STORE_ATTR: {
                            PyObject owner = s[sp - 1];
                            PyObject v = s[sp - 2];
                            owner.setAttribute(names[arg], v);
                            sp = popDecref(s, sp, 2);
                            continue;
                        }
                        case DELETE_ATTR: {
                            PyObject owner = s[sp - 1];
                            owner.deleteAttribute(names[arg]);
                            sp = popDecref(s, sp, 1);
                            continue;
                        }
                        case LOAD_METHOD:
                            sp = Calls.loadMethod(s, sp, names[arg]);
                            continue;
                        case CALL_METHOD:
                            f.lasti = pc - 1;
                            f.sp = sp;
                            sp = callMethod(f, ts, s, sp, arg);
                            if (!perInstruction && ts.evalBreaker() != 0) {
                                handleBreaker(ts);
                            }
                            continue;
                        case CALL_FUNCTION:
                            f.lasti = pc - 1;
                            f.sp = sp;
                            sp = call(f, ts, s, sp, sp - arg, arg, null);
                            if (!perInstruction && ts.evalBreaker() != 0) {
                                handleBreaker(ts);
                            }
                            continue;
                        case CALL_FUNCTION_KW: {
                            f.lasti = pc - 1;
                            f.sp = sp;
                            PyTuple kwnames = (PyTuple) s[sp - 1];
                            int nkw = kwnames.size();
                            s[--sp] = null;
                            try {
                                sp = call(f, ts, s, sp, sp - arg, arg - nkw, kwnames);
                            } finally {
                                mm.decref(kwnames);
                            }
                            if (!perInstruction && ts.evalBreaker() != 0) {
                                handleBreaker(ts);
                            }
                            continue;
                        }
                        case CALL_FUNCTION_EX:
                            f.lasti = pc - 1;
                            sp = Calls.callFunctionEx(s, sp, (arg & 1) != 0);
                            if (!perInstruction && ts.evalBreaker() != 0) {
                                handleBreaker(ts);
                            }
                            continue;
                        case MAKE_FUNCTION:
                            sp = Calls.makeFunction(f, s, sp, arg);
                            continue;
                        case RETURN_VALUE: {
                            PyObject result = s[--sp];
                            s[sp] = null;
                            f.sp = sp;
                            f.next = pc;
                            releaseFrame(f);
                            return result;
                        }
                        case BUILD_TUPLE: {
                            PyObject[] items = new PyObject[arg];
                            System.arraycopy(s, sp - arg, items, 0, arg);
                            clear(s, sp - arg, sp);
                            sp -= arg;
                            s[sp++] = PyTuple.steal(items);
                            continue;
                        }
                        case BUILD_LIST: {
                            PyObject[] items = new PyObject[arg];
                            System.arraycopy(s, sp - arg, items, 0, arg);
                            clear(s, sp - arg, sp);
                            sp -= arg;
                            s[sp++] = PyList.steal(items);
                            continue;
                        }
                        case LIST_APPEND: {
                            PyObject v = s[sp - 1];
                            ((PyList) s[sp - 1 - arg]).append(v);
                            sp = popDecref(s, sp, 1);
                            continue;
                        }
                        case LIST_EXTEND: {
                            PyObject v = s[sp - 1];
                            Displays.listExtend((PyList) s[sp - 1 - arg], v);
                            sp = popDecref(s, sp, 1);
                            continue;
                        }
                        case LIST_TO_TUPLE: {
                            PyList l = (PyList) s[sp - 1];
                            s[sp - 1] = PyTuple.steal(l.snapshot());
                            mm.decref(l);
                            continue;
                        }
                        case BUILD_SET: {
                            dev.interlock.vm.objects.PySet set = dev.interlock.vm.objects.PySet.create();
                            try {
                                for (int i = sp - arg; i < sp; i++) {
                                    set.add(s[i]);
                                }
                            } catch (RuntimeException | Error e) {
                                mm.decref(set);
                                throw e;
                            }
                            sp = popDecref(s, sp, arg);
                            s[sp++] = set;
                            continue;
                        }
                        case SET_ADD: {
                            ((dev.interlock.vm.objects.PySet) s[sp - 1 - arg]).add(s[sp - 1]);
                            sp = popDecref(s, sp, 1);
                            continue;
                        }
                        case SET_UPDATE: {
                            ((dev.interlock.vm.objects.PySet) s[sp - 1 - arg]).update(s[sp - 1]);
                            sp = popDecref(s, sp, 1);
                            continue;
                        }
                        case BUILD_MAP:
                            sp = Displays.buildMap(s, sp, arg);
                            continue;
                        case BUILD_CONST_KEY_MAP:
                            sp = Displays.buildConstKeyMap(s, sp, arg);
                            continue;
                        case MAP_ADD: {
                            PyObject value = s[sp - 1];
                            PyObject key = s[sp - 2];
                            ((PyDict) s[sp - 2 - arg]).setItem(key, value);
                            sp = popDecref(s, sp, 2);
                            continue;
                        }
                        case DICT_UPDATE: {
                            Displays.dictUpdate((PyDict) s[sp - 1 - arg], s[sp - 1]);
                            sp = popDecref(s, sp, 1);
                            continue;
                        }
                        case DICT_MERGE: {
                            Displays.dictMerge((PyDict) s[sp - 1 - arg], s[sp - 1], s[sp - 3 - arg]);
                            sp = popDecref(s, sp, 1);
                            continue;
                        }
                        case BUILD_SLICE: {
                            PyObject step = arg == 3 ? s[sp - 1] : PyNone.INSTANCE;
                            int base = sp - arg;
                            PySlice slice = new PySlice(s[base], s[base + 1], step);
                            sp = popDecref(s, sp, arg);
                            s[sp++] = slice;
                            continue;
                        }
                        case BUILD_STRING: {
                            StringBuilder b = new StringBuilder();
                            for (int i = sp - arg; i < sp; i++) {
                                b.append(((PyStr) s[i]).value());
                            }
                            sp = popDecref(s, sp, arg);
                            s[sp++] = PyStr.of(b.toString());
                            continue;
                        }
                        case FORMAT_VALUE:
                            sp = Displays.formatValue(s, sp, arg);
                            continue;
                        case UNPACK_SEQUENCE:
                            sp = Unpacking.unpackSequence(s, sp, arg);
                            continue;
                        case UNPACK_EX:
                            sp = Unpacking.unpackEx(s, sp, arg & 0xFF, arg >> 8);
                            continue;
                        case SETUP_FINALLY:
                            f.pushBlock(Frame.SETUP_FINALLY, pc + arg, sp);
                            continue;
                        case POP_BLOCK:
                            f.blockCount--;
                            continue;
                        case POP_EXCEPT:
                            sp = popExcept(f, ts, s, sp);
                            continue;
                        case JUMP_IF_NOT_EXC_MATCH: {
                            PyObject right = s[sp - 1];
                            PyObject left = s[sp - 2];
                            boolean match = Exceptions.matches(left, right);
                            sp = popDecref(s, sp, 2);
                            if (!match) {
                                pc = arg;
                            }
                            continue;
                        }
                        case RERAISE: {
                            if (arg != 0 && f.blockCount > 0) {
                                f.lasti = f.blocks[3 * (f.blockCount - 1) + 1];
                            }
                            PyObject type = s[--sp];
                            PyObject value = s[--sp];
                            PyObject tb = s[--sp];
                            s[sp] = null;
                            s[sp + 1] = null;
                            s[sp + 2] = null;
                            mm.decref(type);
                            mm.decref(tb);
                            reraise = true;
                            throw new PyException((PyBaseException) value);
                        }
                        case RAISE_VARARGS: {
                            f.lasti = pc - 1;
                            if (arg == 0) {
                                reraise = true;
                                throw Exceptions.reraiseCurrent(ts);
                            }
                            PyObject cause = arg == 2 ? s[sp - 1] : null;
                            PyObject exc = s[sp - arg];
                            PyException e = Exceptions.makeRaise(exc, cause);
                            sp = popDecref(s, sp, arg);
                            throw e;
                        }
                        case LOAD_ASSERTION_ERROR:
                            mm.incref(ExceptionTypes.ASSERTION_ERROR);
                            s[sp++] = ExceptionTypes.ASSERTION_ERROR;
                            continue;
                        case SETUP_WITH:
                            sp = With.setup(f, s, sp, pc + arg);
                            continue;
                        case WITH_EXCEPT_START:
                            s[sp] = With.exceptStart(s, sp);
                            sp++;
                            continue;
                        case PRINT_EXPR:
                            Displays.printExpr(interpreter, s[sp - 1]);
                            sp = popDecref(s, sp, 1);
                            continue;
                        case IMPORT_NAME: {
                            PyObject fromlist = s[sp - 1];
                            PyObject level = s[sp - 2];
                            PyObject module = Imports.importName(interpreter, f, names[arg], fromlist, level);
                            sp = popDecref(s, sp, 2);
                            s[sp++] = module;
                            continue;
                        }
                        case IMPORT_FROM:
                            s[sp] = Imports.importFrom(interpreter, s[sp - 1], names[arg]);
                            sp++;
                            continue;
                        case IMPORT_STAR:
                            Imports.importStar(f, s[sp - 1]);
                            sp = popDecref(s, sp, 1);
                            continue;
                        case GEN_START: {
                            PyObject sent = s[--sp];
                            s[sp] = null;
                            mm.decref(sent);
                            continue;
                        }
                        case YIELD_VALUE: {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            f.sp = sp;
                            f.next = pc;
                            f.lasti = pc - 1;
                            f.suspended = true;
                            return v;
                        }
                        case YIELD_FROM: {
                            PyObject v = s[sp - 1];
                            PyObject receiver = s[sp - 2];
                            PyGenerator.SendResult r = PyGenerator.sendTo(receiver, v);
                            sp = popDecref(s, sp, 1);
                            if (r.returned()) {
                                s[sp - 1] = r.value();
                                mm.decref(receiver);
                                continue;
                            }
                            // the receiver stays on the stack; YIELD_FROM runs again on resumption
                            f.sp = sp;
                            f.next = pc - 1;
                            f.lasti = pc - 1;
                            f.suspended = true;
                            return r.value();
                        }
                        case GET_YIELD_FROM_ITER: {
                            PyObject v = s[sp - 1];
                            if (!(v instanceof PyGenerator)) {
                                s[sp - 1] = v.iter();
                                mm.decref(v);
                            }
                            continue;
                        }
                        case LOAD_BUILD_CLASS: {
                            PyObject bc = f.builtins.getItemOrNull("__build_class__");
                            if (bc == null) {
                                throw Errors.of(ExceptionTypes.NAME_ERROR, "__build_class__ not found");
                            }
                            s[sp++] = bc;
                            continue;
                        }
                        case SETUP_ANNOTATIONS:
                            Names.setupAnnotations(f);
                            continue;
                        default:
                            throw new InterpreterError("unknown opcode " + (word & 0xFF) + " at offset " + 2 * (pc - 1)
                                    + " in " + f.code.qualname());
                    }
                }
            } catch (PyException e) {
                f.lasti = pc - 1;
                int handler = unwind(f, ts, e, sp, reraise);
                reraise = false;
                if (handler < 0) {
                    f.sp = f.stackBase;
                    releaseFrame(f);
                    throw e;
                }
                sp = f.sp;
                pc = handler;
            } catch (NotSupportedError e) {
                f.lasti = pc - 1;
                e.addFrame(f.code.filename(), f.code.lineAt(pc - 1), f.code.name());
                f.sp = sp;
                releaseFrame(f);
                throw e;
            } catch (RuntimeException | Error e) {
                f.lasti = pc - 1;
                f.sp = sp;
                if (e instanceof FatalError && ts.fatalStack() == null) {
                    // the innermost frame sees it first: keep the stack for the report, before it unwinds
                    ts.setFatalStack(TracebackPrinter.formatThreadStack(ts));
                }
                abandon(f);
                throw e;
            }
        }
    }

    /** Releases a frame's references after a non-Python error, never masking that error. */
    private void abandon(Frame f) {
        try {
            releaseFrame(f);
        } catch (RuntimeException | Error ignored) {
            // the original error is more important
        }
    }

    // ------------------------------------------------------------------ check points

    private void pollInstruction(PyThreadState ts) {
        if (checkPoints == CheckPoints.TICKS) {
            if (--ts.ticks > 0) {
                return;
            }
            ts.ticks = interpreter.switches().checkInterval();
        }
        if (ts.evalBreaker() != 0) {
            handleBreaker(ts);
        }
    }

    /**
     * Handles the bits of the eval-breaker word, in CPython's order: a fatal stop, reference-count
     * merges for the memory manager, the strategy's requests (drop the GIL, stop the world), then
     * asynchronous exceptions.
     */
    private void handleBreaker(PyThreadState ts) {
        int bits = ts.evalBreaker();
        if ((bits & EvalBreaker.FATAL_STOP) != 0) {
            throw new Interpreter.FatalStop();
        }
        if ((bits & EvalBreaker.REFCOUNT_MERGE) != 0) {
            ts.clearBreak(EvalBreaker.REFCOUNT_MERGE);
            mm.handleMergeRequest(ts);
        }
        if ((bits & EvalBreaker.STRATEGY_MASK) != 0) {
            strategy.handleEvalBreaker(ts);
        }
        if ((bits & EvalBreaker.ASYNC_EXCEPTION) != 0) {
            ts.clearBreak(EvalBreaker.ASYNC_EXCEPTION);
        }
    }

    // ------------------------------------------------------------------ exceptions

    /**
     * Finds the handler for an exception raised in {@code f}: CPython 3.10's
     * {@code exception_unwind}. Records the traceback entry and the implicit context unless the
     * exception is being re-raised; pops blocks and stack values; on finding a
     * {@code SETUP_FINALLY} block, pushes the previous and the new exception as (tb, value, type)
     * triples and returns the handler index. Returns -1 when the exception leaves the frame.
     */
    private int unwind(Frame f, PyThreadState ts, PyException e, int sp, boolean reraise) {
        PyBaseException value = e.value();
        if (!reraise) {
            PyBaseException handled = ts.handledException();
            if (value.context() == null && handled != null && handled != value) {
                Exceptions.setContext(value, handled);
            }
            value.addTraceback(f.code, f.code.lineAt(f.lasti), 2 * f.lasti);
        }
        PyObject[] s = f.slots;
        while (f.blockCount > 0) {
            int b = 3 * --f.blockCount;
            int type = f.blocks[b];
            int handler = f.blocks[b + 1];
            int level = f.blocks[b + 2];
            if (type == Frame.EXCEPT_HANDLER) {
                sp = popDownTo(s, sp, level + 3);
                sp = restoreHandled(ts, s, sp);
                continue;
            }
            sp = popDownTo(s, sp, level);
            f.pushBlock(Frame.EXCEPT_HANDLER, -1, sp);
            // the exception being replaced as "handled", as (traceback, value, type)
            PyThreadState.ExcItem item = ts.excInfo;
            PyBaseException previous = item.value;
            if (previous != null) {
                PyObject tb = previous.traceback() == null ? PyNone.INSTANCE : previous.traceback();
                mm.incref(tb);
                s[sp++] = tb;
                s[sp++] = previous; // the thread state's reference moves to the stack
                mm.incref(previous.type());
                s[sp++] = previous.type();
            } else {
                s[sp++] = PyNone.INSTANCE;
                s[sp++] = PyNone.INSTANCE;
                s[sp++] = PyNone.INSTANCE;
            }
            mm.incref(value);
            item.value = value;
            PyObject tb = value.traceback() == null ? PyNone.INSTANCE : value.traceback();
            mm.incref(tb);
            s[sp++] = tb;
            s[sp++] = value; // the Java exception's reference moves to the stack
            mm.incref(value.type());
            s[sp++] = value.type();
            f.sp = sp;
            return handler;
        }
        popDownTo(s, sp, f.stackBase);
        f.sp = f.stackBase;
        return -1;
    }

    /** POP_EXCEPT: restores the handled exception saved below the handler's values. */
    private int popExcept(Frame f, PyThreadState ts, PyObject[] s, int sp) {
        if (f.blockCount == 0 || f.blocks[3 * (f.blockCount - 1)] != Frame.EXCEPT_HANDLER) {
            throw new InterpreterError("popped block is not an except handler");
        }
        f.blockCount--;
        return restoreHandled(ts, s, sp);
    }

    /** Pops a saved (tb, value, type) triple and makes its value the handled exception again. */
    private int restoreHandled(PyThreadState ts, PyObject[] s, int sp) {
        PyObject type = s[--sp];
        PyObject value = s[--sp];
        PyObject tb = s[--sp];
        s[sp] = null;
        s[sp + 1] = null;
        s[sp + 2] = null;
        PyThreadState.ExcItem item = ts.excInfo;
        PyBaseException old = item.value;
        item.value = value instanceof PyBaseException be ? be : null;
        if (item.value == null) {
            mm.decref(value);
        }
        mm.decref(type);
        mm.decref(tb);
        if (old != null) {
            mm.decref(old);
        }
        return sp;
    }

    private int popDownTo(PyObject[] s, int sp, int level) {
        while (sp > level) {
            PyObject v = s[--sp];
            s[sp] = null;
            if (v != null) {
                mm.decref(v);
            }
        }
        return sp;
    }

    private static PyException unboundLocal(PyCode code, int index) {
        return Errors.of(ExceptionTypes.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + code.localPlusName(index)
                + "' where it is not associated with a value");
    }

    // ------------------------------------------------------------------ calls

    /**
     * Calls the callable at {@code s[args - 1]} with {@code nargs} positional arguments from
     * {@code s[args]} followed by one value per keyword name. A Python function gets a new frame
     * whose parameters take over the stack's references, so the callee's parameter is the only
     * reference the call adds (CPython 3.11's {@code sys.getrefcount} sees the same). Returns the
     * new stack pointer, the result pushed.
     */
    private int call(Frame f, PyThreadState ts, PyObject[] s, int sp, int args, int nargs, PyTuple kwnames) {
        int callableIndex = args - 1;
        PyObject callable = s[callableIndex];
        PyObject result;
        if (callable instanceof PyFunction fn) {
            Frame callee = FunctionCalls.prepare(fn, s, args, nargs, kwnames);
            sp = popDecref(s, sp, sp - args); // the callee now holds the arguments
            f.sp = sp;
            result = fn.code().isGenerator() ? new PyGenerator(callee, fn) : run(callee, ts);
        } else {
            result = callable.call(s, args, nargs, kwnames);
            sp = popDecref(s, sp, sp - args);
        }
        s[--sp] = null;
        mm.decref(callable);
        s[sp++] = result;
        return sp;
    }

    /** CALL_METHOD: {@code [meth, self, args...]} or {@code [NULL, callable, args...]}. */
    private int callMethod(Frame f, PyThreadState ts, PyObject[] s, int sp, int nargs) {
        int base = sp - nargs - 2;
        if (s[base] == null) {
            sp = call(f, ts, s, sp, sp - nargs, nargs, null);
            // drop the NULL marker below the result
            s[sp - 2] = s[sp - 1];
            s[--sp] = null;
            return sp;
        }
        return call(f, ts, s, sp, base + 1, nargs + 1, null);
    }

    // ------------------------------------------------------------------ arithmetic helpers

    private int unary(PyObject[] s, int sp, UnaryOp op) {
        PyObject v = s[sp - 1];
        PyObject r = Arithmetic.unary(op, v);
        s[sp - 1] = r;
        mm.decref(v);
        return sp;
    }

    private int binaryAdd(PyObject[] s, int sp, boolean inplace) {
        PyObject a = s[sp - 2];
        PyObject b = s[sp - 1];
        PyObject r;
        if (a instanceof PyInt x && b instanceof PyInt y) {
            r = PyInt.add(x, y);
        } else if (inplace) {
            r = Arithmetic.inplace(BinaryOp.ADD, a, b);
        } else {
            r = Arithmetic.binary(BinaryOp.ADD, a, b);
        }
        s[--sp] = null;
        s[sp - 1] = r;
        mm.decref(b);
        mm.decref(a);
        return sp;
    }

    private int binarySubtract(PyObject[] s, int sp, boolean inplace) {
        PyObject a = s[sp - 2];
        PyObject b = s[sp - 1];
        PyObject r;
        if (a instanceof PyInt x && b instanceof PyInt y) {
            r = PyInt.sub(x, y);
        } else if (inplace) {
            r = Arithmetic.inplace(BinaryOp.SUB, a, b);
        } else {
            r = Arithmetic.binary(BinaryOp.SUB, a, b);
        }
        s[--sp] = null;
        s[sp - 1] = r;
        mm.decref(b);
        mm.decref(a);
        return sp;
    }

    private int binary(PyObject[] s, int sp, BinaryOp op) {
        PyObject a = s[sp - 2];
        PyObject b = s[sp - 1];
        PyObject r = Arithmetic.binary(op, a, b);
        s[--sp] = null;
        s[sp - 1] = r;
        mm.decref(b);
        mm.decref(a);
        return sp;
    }

    private int inplace(PyObject[] s, int sp, BinaryOp op) {
        PyObject a = s[sp - 2];
        PyObject b = s[sp - 1];
        PyObject r = Arithmetic.inplace(op, a, b);
        s[--sp] = null;
        s[sp - 1] = r;
        mm.decref(b);
        mm.decref(a);
        return sp;
    }

    // ------------------------------------------------------------------ stack helpers

    /** Pops {@code n} values, giving back their references. */
    private int popDecref(PyObject[] s, int sp, int n) {
        for (int i = 0; i < n; i++) {
            PyObject v = s[--sp];
            s[sp] = null;
            if (v != null) {
                mm.decref(v);
            }
        }
        return sp;
    }

    private static void clear(PyObject[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = null;
        }
    }

    /** The type of an exception instance or class, for {@code except} matching. */
    static PyType typeOf(PyObject o) {
        return o instanceof PyType t ? t : o.type();
    }
}
