package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.Iteration;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyRange;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.ops.SpecialMethods;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code random.Random} (and {@code random.SystemRandom}): CPython's {@code _random.Random}
 * Mersenne Twister together with the methods {@code Lib/random.py} writes in Python on top of it,
 * done natively with the same algorithms, so that a seeded program sees exactly CPython's
 * streams: {@code random()} from two 32-bit outputs, {@code _randbelow} as getrandbits with
 * rejection, {@code shuffle}, both {@code sample} algorithms, {@code choices} with bisection,
 * {@code gauss} with its cached second value.
 *
 * <p>Each call is atomic with respect to the generator: the random numbers a call needs are
 * drawn under the object's monitor, and the Python-level work ({@code len}, indexing, item
 * assignment, arithmetic on arguments of any type) is done outside it, before or after. Methods
 * written in Python in CPython bind their arguments as Python functions do ({@link PySignature}),
 * so their messages match ({@code Random.randint() missing 1 required positional argument: 'b'}).
 *
 * <p>Floating-point functions ({@code log}, {@code exp}, {@code cos}, {@code sin}, {@code pow},
 * {@code acos}) come from {@link Math}; they agree with the C library's results except, rarely, in
 * the last bit. Everything built only on {@code random()}, integer arithmetic and {@code sqrt} is
 * exact.
 */
public final class PyRandom extends PyObject {

    static final double TWOPI = 6.283185307179586;
    /** {@code 4 * exp(-0.5) / sqrt(2.0)}. */
    static final double NV_MAGICCONST = 1.7155277699214135;
    /** {@code 1.0 + log(4.5)}. */
    static final double SG_MAGICCONST = 2.504077396776274;
    /** {@code log(4.0)}. */
    static final double LOG4 = 1.3862943611198906;
    private static final double E = 2.718281828459045;
    private static final double PI = 3.141592653589793;

    private static final PyInt TWO = PyInt.of(2);
    private static final PyInt THREE = PyInt.of(3);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static final PySignature INIT = new PySignature("Random.__init__", 0, new String[] {"x"});
    private static final PySignature SEED = new PySignature("Random.seed", 0, new String[] {"a", "version"});
    private static final PySignature GETSTATE = new PySignature("Random.getstate", 0, new String[0]);
    private static final PySignature SETSTATE = new PySignature("Random.setstate", 1, new String[] {"state"});
    private static final PySignature RANDRANGE = new PySignature("Random.randrange", 1,
            new String[] {"start", "stop", "step"});
    private static final PySignature RANDINT = new PySignature("Random.randint", 2, new String[] {"a", "b"});
    private static final PySignature CHOICE = new PySignature("Random.choice", 1, new String[] {"seq"});
    private static final PySignature SHUFFLE = new PySignature("Random.shuffle", 1, new String[] {"x"});
    private static final PySignature SAMPLE = new PySignature("Random.sample", 2, new String[] {"population", "k"},
            "counts");
    private static final PySignature CHOICES = new PySignature("Random.choices", 1,
            new String[] {"population", "weights"}, "cum_weights", "k");
    private static final PySignature UNIFORM = new PySignature("Random.uniform", 2, new String[] {"a", "b"});
    private static final PySignature TRIANGULAR = new PySignature("Random.triangular", 0,
            new String[] {"low", "high", "mode"});
    private static final PySignature NORMALVARIATE = new PySignature("Random.normalvariate", 0,
            new String[] {"mu", "sigma"});
    private static final PySignature GAUSS = new PySignature("Random.gauss", 0, new String[] {"mu", "sigma"});
    private static final PySignature LOGNORMVARIATE = new PySignature("Random.lognormvariate", 2,
            new String[] {"mu", "sigma"});
    private static final PySignature EXPOVARIATE = new PySignature("Random.expovariate", 1, new String[] {"lambd"});
    private static final PySignature VONMISESVARIATE = new PySignature("Random.vonmisesvariate", 2,
            new String[] {"mu", "kappa"});
    private static final PySignature GAMMAVARIATE = new PySignature("Random.gammavariate", 2,
            new String[] {"alpha", "beta"});
    private static final PySignature BETAVARIATE = new PySignature("Random.betavariate", 2,
            new String[] {"alpha", "beta"});
    private static final PySignature PARETOVARIATE = new PySignature("Random.paretovariate", 1,
            new String[] {"alpha"});
    private static final PySignature WEIBULLVARIATE = new PySignature("Random.weibullvariate", 2,
            new String[] {"alpha", "beta"});

    /** A method whose arguments are bound by a {@link PySignature}: borrowed, null where defaulted. */
    @FunctionalInterface
    private interface Body {
        PyObject call(PyRandom self, PyObject[] p);
    }

    private static BuiltinDef def(String name, PySignature sig, Body body) {
        return keywords(name, (self, a, s, n, kw) -> body.call((PyRandom) self, sig.bind(a, s, n, kw)));
    }

    /** The names of the methods the module exposes as functions bound to its hidden instance. */
    static final List<String> MODULE_FUNCTIONS = List.of("seed", "random", "uniform", "triangular", "randint", "choice",
            "randrange", "sample", "shuffle", "choices", "normalvariate", "lognormvariate", "expovariate",
            "vonmisesvariate", "gammavariate", "gauss", "betavariate", "paretovariate", "weibullvariate", "getstate",
            "setstate", "getrandbits");

    public static final PyType TYPE = PyType.builtin("Random", PyType.OBJECT)
            .doc("Random number generator base class used by bound module functions.")
            .constructor(PyRandom::construct)
            .attribute("VERSION", THREE)
            .method(keywords("seed", (self, a, s, n, kw) -> {
                PyRandom r = (PyRandom) self;
                if (r.isSystem()) {
                    return PyNone.INSTANCE; // SystemRandom.seed is a stub that accepts anything
                }
                PyObject[] p = SEED.bind(a, s, n, kw);
                r.seed(p[0] == null ? PyNone.INSTANCE : p[0], p[1] == null ? TWO : p[1]);
                return PyNone.INSTANCE;
            }))
            .method(noArgs("random", (PyRandom self) -> PyFloat.of(self.nextDouble())))
            .method(oneArg("getrandbits", (PyRandom self, PyObject k) -> self.getrandbits(k)))
            .method(keywords("getstate", (self, a, s, n, kw) -> {
                PyRandom r = (PyRandom) self;
                r.checkStateful();
                GETSTATE.bind(a, s, n, kw);
                return r.getstate();
            }))
            .method(keywords("setstate", (self, a, s, n, kw) -> {
                PyRandom r = (PyRandom) self;
                r.checkStateful();
                r.setstate(SETSTATE.bind(a, s, n, kw)[0]);
                return PyNone.INSTANCE;
            }))
            .method(def("randrange", RANDRANGE, (self, p) -> self.randrange(p[0], p[1], p[2])))
            .method(def("randint", RANDINT, (self, p) -> self.randint(p[0], p[1])))
            .method(def("choice", CHOICE, (self, p) -> self.choice(p[0])))
            .method(def("shuffle", SHUFFLE, (self, p) -> {
                self.shuffle(p[0]);
                return PyNone.INSTANCE;
            }))
            .method(def("sample", SAMPLE, (self, p) -> self.sample(p[0], p[1], p[2])))
            .method(def("choices", CHOICES, (self, p) -> self.choices(p[0], p[1], p[2], p[3])))
            .method(def("uniform", UNIFORM, (self, p) -> self.uniform(p[0], p[1])))
            .method(def("triangular", TRIANGULAR, (self, p) -> self.triangular(p[0], p[1], p[2])))
            .method(def("normalvariate", NORMALVARIATE, (self, p) -> self.normalvariate(p[0], p[1])))
            .method(def("gauss", GAUSS, (self, p) -> self.gauss(p[0], p[1])))
            .method(def("lognormvariate", LOGNORMVARIATE, (self, p) -> self.lognormvariate(p[0], p[1])))
            .method(def("expovariate", EXPOVARIATE, (self, p) -> self.expovariate(p[0])))
            .method(def("vonmisesvariate", VONMISESVARIATE, (self, p) -> self.vonmisesvariate(p[0], p[1])))
            .method(def("gammavariate", GAMMAVARIATE, (self, p) -> self.gammavariate(p[0], p[1])))
            .method(def("betavariate", BETAVARIATE, (self, p) -> self.betavariate(p[0], p[1])))
            .method(def("paretovariate", PARETOVARIATE, (self, p) -> self.paretovariate(p[0])))
            .method(def("weibullvariate", WEIBULLVARIATE, (self, p) -> self.weibullvariate(p[0], p[1])))
            .property("gauss_next", self -> ((PyRandom) self).gaussNext(), (self, v) -> ((PyRandom) self).setGaussNext(v))
            .build();

    /** {@code random.SystemRandom}: the same methods over the operating system's entropy; no state. */
    public static final PyType SYSTEM_TYPE = PyType.builtin("SystemRandom", TYPE)
            .doc("Alternate random number generator using sources provided by the operating system.")
            .constructor(PyRandom::construct)
            .build();

    private static final class Entropy {
        static final SecureRandom SOURCE = new SecureRandom();
    }

    private final PyType type;
    private final MersenneTwister mt;
    private final RandomSource source;
    /** {@code gauss_next}: null for None. Guarded by {@code this}. */
    private PyObject gaussNext;
    /** The instance {@code __dict__}, made when an attribute is first set. */
    private volatile PyDict dict;

    private PyRandom(PyType type, boolean system) {
        this.type = type;
        Refs.incref(type);
        if (system) {
            this.mt = null;
            this.source = new RandomSource.System(Entropy.SOURCE);
        } else {
            this.mt = new MersenneTwister();
            this.source = RandomSource.of(mt);
        }
    }

    /** A new {@code random.Random()} seeded from the operating system's entropy. */
    static PyRandom fromEntropy() {
        PyRandom r = new PyRandom(TYPE, false);
        r.seed(PyNone.INSTANCE, TWO);
        return r;
    }

    private static PyObject construct(PyType t, PyObject[] a, int s, int n, PyTuple kw) {
        boolean system = t.isSubtypeOf(SYSTEM_TYPE);
        PyObject[] p = INIT.bind(a, s, n, kw);
        PyRandom r = new PyRandom(t, system);
        if (!system) {
            try {
                r.seed(p[0] == null ? PyNone.INSTANCE : p[0], TWO);
            } catch (RuntimeException e) {
                Refs.decref(r);
                throw e;
            }
        }
        return r;
    }

    @Override
    public PyType type() {
        return type;
    }

    private boolean isSystem() {
        return mt == null;
    }

    private void checkStateful() {
        if (isSystem()) {
            throw Errors.of(ExceptionTypes.NOT_IMPLEMENTED_ERROR, "System entropy source does not have state.");
        }
    }

    // ------------------------------------------------------------------ seeding and state

    /** {@code seed(a, version)}: Lib/random.py's conversions, then the C module's seeding. */
    void seed(PyObject a, PyObject version) {
        BigInteger key = seedKey(a, version);
        int[] entropy = null;
        if (key == null) {
            entropy = new int[MersenneTwister.N];
            for (int i = 0; i < entropy.length; i++) {
                entropy[i] = Entropy.SOURCE.nextInt();
            }
        }
        PyObject old;
        synchronized (this) {
            if (entropy != null) {
                mt.initByArray(entropy);
            } else {
                mt.seed(key);
            }
            old = gaussNext;
            gaussNext = null;
        }
        Refs.xdecref(old);
    }

    /** The integer the generator is seeded with, or null for entropy. */
    private static BigInteger seedKey(PyObject a, PyObject version) {
        if (Compare.test(version, PyInt.ONE, Compare.EQ) && a instanceof PyStr s) {
            // Version 1: a 64-bit hash of the code points, as Python 2 seeded from str.
            int[] cps = s.value().codePoints().toArray();
            long x = cps.length == 0 ? 0 : ((long) cps[0]) << 7;
            for (int c : cps) {
                x = (1000003L * x) ^ c;
            }
            x ^= cps.length;
            return unsigned(x);
        }
        if (Compare.test(version, TWO, Compare.EQ) && a instanceof PyStr s) {
            // Version 2: the UTF-8 bytes followed by their SHA-512 digest, as a big-endian int.
            byte[] utf8 = utf8(s.value());
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-512").digest(utf8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-512 is not available", e);
            }
            byte[] all = new byte[utf8.length + digest.length];
            System.arraycopy(utf8, 0, all, 0, utf8.length);
            System.arraycopy(digest, 0, all, utf8.length, digest.length);
            return new BigInteger(1, all);
        }
        if (a == PyNone.INSTANCE) {
            return null;
        }
        if (a instanceof PyInt i) {
            return i.bigValue().abs();
        }
        if (a instanceof PyFloat || a instanceof PyStr) {
            return unsigned(a.hash()); // the C module seeds with (size_t) hash(a)
        }
        throw Errors.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }

    private static BigInteger unsigned(long x) {
        BigInteger b = BigInteger.valueOf(x);
        return x < 0 ? b.add(TWO_64) : b;
    }

    /** {@code s.encode()}: UTF-8, with CPython's error for a lone surrogate. */
    private static byte[] utf8(String s) {
        int cpIndex = 0;
        for (int i = 0; i < s.length(); cpIndex++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw Errors.of(ExceptionTypes.UNICODE_ENCODE_ERROR, "'utf-8' codec can't encode character '\\u"
                        + Integer.toHexString(c) + "' in position " + cpIndex + ": surrogates not allowed");
            }
            i++;
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code getstate()}: {@code (3, (624 words..., position), gauss_next)}. */
    PyObject getstate() {
        long[] words;
        PyObject gauss;
        synchronized (this) {
            words = mt.state();
            gauss = gaussNext == null ? PyNone.INSTANCE : gaussNext;
            Refs.incref(gauss);
        }
        PyObject[] items = new PyObject[words.length];
        for (int i = 0; i < words.length; i++) {
            items[i] = PyInt.of(words[i]);
        }
        return PyTuple.steal(new PyObject[] {THREE, PyTuple.steal(items), gauss});
    }

    /** {@code setstate(state)} for versions 3 and 2 of {@code getstate()}'s tuple. */
    void setstate(PyObject state) {
        PyObject version = state.getItem(PyInt.ZERO);
        try {
            boolean v3 = Compare.test(version, THREE, Compare.EQ);
            if (!v3 && !Compare.test(version, TWO, Compare.EQ)) {
                throw Errors.valueError("state with version " + version.str() + " passed to Random.setstate() of version 3");
            }
            PyObject[] parts = unpack3(state);
            try {
                setGaussNext(parts[2]);
                if (v3) {
                    setInternalState(parts[1]);
                } else {
                    PyTuple words = modulo32(parts[1]);
                    try {
                        setInternalState(words);
                    } finally {
                        Refs.decref(words);
                    }
                }
            } finally {
                Refs.decrefAll(parts);
            }
        } finally {
            Refs.decref(version);
        }
    }

    /** {@code a, b, c = state}: three new references, or the unpacking errors. */
    private static PyObject[] unpack3(PyObject state) {
        PyObject[] parts = Iteration.toArray(state);
        if (parts.length != 3) {
            Refs.decrefAll(parts);
            if (parts.length < 3) {
                throw Errors.valueError("not enough values to unpack (expected 3, got " + parts.length + ")");
            }
            throw Errors.valueError("too many values to unpack (expected 3)");
        }
        return parts;
    }

    /** Version 2 states held signed words: {@code tuple(x % 2**32 for x in words)}. */
    private static PyTuple modulo32(PyObject words) {
        PyInt modulus = PyInt.of(1L << 32);
        List<PyObject> out = new ArrayList<>();
        try {
            PyObject it = words.iter();
            try {
                for (PyObject x = it.next(); x != null; x = it.next()) {
                    try {
                        out.add(Arithmetic.binary(BinaryOp.MOD, x, modulus));
                    } finally {
                        Refs.decref(x);
                    }
                }
            } finally {
                Refs.decref(it);
            }
        } catch (PyException e) {
            for (PyObject o : out) {
                Refs.decref(o);
            }
            if (e.matches(ExceptionTypes.VALUE_ERROR)) {
                e.release();
                throw Errors.of(ExceptionTypes.TYPE_ERROR);
            }
            throw e;
        } finally {
            Refs.decref(modulus);
        }
        return PyTuple.steal(out.toArray(new PyObject[0]));
    }

    /** The C module's {@code setstate}: a tuple of 624 unsigned words and a position in 0..624. */
    private void setInternalState(PyObject state) {
        if (!(state instanceof PyTuple t)) {
            throw Errors.typeError("state vector must be a tuple");
        }
        if (t.size() != MersenneTwister.N + 1) {
            throw Errors.valueError("state vector is the wrong size");
        }
        int[] words = new int[MersenneTwister.N];
        for (int i = 0; i < MersenneTwister.N; i++) {
            PyObject o = t.get(i);
            if (!(o instanceof PyInt w)) {
                throw Errors.typeError("an integer is required");
            }
            if (w.signum() < 0) {
                throw Errors.overflowError("can't convert negative value to unsigned int");
            }
            if (w.bigValue().bitLength() > 64) {
                throw Errors.overflowError("Python int too large to convert to C unsigned long");
            }
            words[i] = w.bigValue().intValue(); // (uint32_t) of the unsigned long
        }
        PyInt position = t.get(MersenneTwister.N).asIndex();
        long index;
        try {
            if (!position.isSmall()) {
                throw Errors.overflowError("Python int too large to convert to C long");
            }
            index = position.longValue();
        } finally {
            Refs.decref(position);
        }
        if (index < 0 || index > MersenneTwister.N) {
            throw Errors.valueError("invalid state");
        }
        synchronized (this) {
            mt.setState(words, (int) index);
        }
    }

    private PyObject gaussNext() {
        synchronized (this) {
            PyObject g = gaussNext == null ? PyNone.INSTANCE : gaussNext;
            Refs.incref(g);
            return g;
        }
    }

    private void setGaussNext(PyObject v) {
        PyObject value = v == null || v == PyNone.INSTANCE ? null : Refs.newRef(v);
        PyObject old;
        synchronized (this) {
            old = gaussNext;
            gaussNext = value;
        }
        Refs.xdecref(old);
    }

    // ------------------------------------------------------------------ integers

    /** {@code random()}. */
    double nextDouble() {
        synchronized (this) {
            return source.nextDouble();
        }
    }

    private long below(long n) {
        synchronized (this) {
            return source.below(n);
        }
    }

    private PyInt below(PyInt n) {
        if (n.isSmall()) {
            return PyInt.of(below(n.longValue()));
        }
        BigInteger r;
        synchronized (this) {
            r = source.below(n.bigValue());
        }
        return PyInt.of(r);
    }

    /** {@code getrandbits(k)}. */
    PyObject getrandbits(PyObject kArg) {
        PyInt kInt = kArg.asIndex();
        int k;
        try {
            k = kInt.intValue();
        } finally {
            Refs.decref(kInt);
        }
        if (k < 0) {
            throw Errors.valueError("number of bits must be non-negative");
        }
        BigInteger r;
        synchronized (this) {
            r = source.bits(k);
        }
        return PyInt.of(r);
    }

    /** {@code randrange(start, stop=None, step=1)}, with 3.11's conversions and messages. */
    PyObject randrange(PyObject start, PyObject stop, PyObject step) {
        PyInt istart = integerArg(start, "arg 1");
        try {
            if (stop == null || stop == PyNone.INSTANCE) {
                if (step != null && step != PyInt.ONE) {
                    throw Errors.typeError("Missing a non-None stop argument");
                }
                if (istart.signum() > 0) {
                    return below(istart);
                }
                throw Errors.valueError("empty range for randrange()");
            }
            PyInt istop = integerArg(stop, "stop");
            try {
                PyInt width = PyInt.sub(istop, istart);
                try {
                    PyInt istep = step == null ? PyInt.ONE : integerArg(step, "step");
                    try {
                        return stepped(istart, istop, width, istep);
                    } finally {
                        Refs.decref(istep);
                    }
                } finally {
                    Refs.decref(width);
                }
            } finally {
                Refs.decref(istop);
            }
        } finally {
            Refs.decref(istart);
        }
    }

    private PyObject stepped(PyInt istart, PyInt istop, PyInt width, PyInt istep) {
        if (istep.isSmall() && istep.longValue() == 1) {
            if (width.signum() > 0) {
                PyInt r = below(width);
                try {
                    return PyInt.add(istart, r);
                } finally {
                    Refs.decref(r);
                }
            }
            throw Errors.valueError("empty range for randrange() (" + istart.repr() + ", " + istop.repr() + ", "
                    + width.repr() + ")");
        }
        BigInteger w = width.bigValue();
        BigInteger st = istep.bigValue();
        BigInteger n;
        if (st.signum() > 0) {
            n = floorDiv(w.add(st).subtract(BigInteger.ONE), st);
        } else if (st.signum() < 0) {
            n = floorDiv(w.add(st).add(BigInteger.ONE), st);
        } else {
            throw Errors.valueError("zero step for randrange()");
        }
        if (n.signum() <= 0) {
            throw Errors.valueError("empty range for randrange()");
        }
        PyInt count = PyInt.of(n);
        try {
            PyInt r = below(count);
            try {
                return PyInt.of(istart.bigValue().add(st.multiply(r.bigValue())));
            } finally {
                Refs.decref(r);
            }
        } finally {
            Refs.decref(count);
        }
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && qr[1].signum() != b.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /**
     * {@code operator.index(x)}, or for other types {@code int(x)} when it equals {@code x}
     * (3.11 accepts integral floats, with a deprecation warning Interlock does not print).
     */
    private static PyInt integerArg(PyObject x, String which) {
        try {
            return x.asIndex();
        } catch (PyException e) {
            if (!e.matches(ExceptionTypes.TYPE_ERROR)) {
                throw e;
            }
            e.release();
        }
        PyObject i = PyInt.TYPE.call(new PyObject[] {x}, 0, 1, null);
        boolean differs;
        try {
            differs = Compare.test(i, x, Compare.NE);
        } catch (RuntimeException e) {
            Refs.decref(i);
            throw e;
        }
        if (differs) {
            Refs.decref(i);
            throw Errors.valueError("non-integer " + which + " for randrange()");
        }
        return (PyInt) i;
    }

    /** {@code randint(a, b)}: {@code randrange(a, b + 1)}. */
    PyObject randint(PyObject a, PyObject b) {
        PyObject stop = Arithmetic.binary(BinaryOp.ADD, b, PyInt.ONE);
        try {
            return randrange(a, stop, null);
        } finally {
            Refs.decref(stop);
        }
    }

    // ------------------------------------------------------------------ sequences

    /** {@code choice(seq)}: {@code seq[_randbelow(len(seq))]}. */
    PyObject choice(PyObject seq) {
        if (seq.length() == 0) {
            throw Errors.indexError("Cannot choose from an empty sequence");
        }
        int n = seq.length();
        if (n <= 0) {
            throw Errors.indexError("Cannot choose from an empty sequence");
        }
        return itemAt(seq, below(n));
    }

    private static PyObject itemAt(PyObject seq, long i) {
        PyInt index = PyInt.of(i);
        try {
            return seq.getItem(index);
        } finally {
            Refs.decref(index);
        }
    }

    /** {@code shuffle(x)}: Fisher-Yates from the end, {@code x[i], x[j] = x[j], x[i]}. */
    void shuffle(PyObject x) {
        int n = x.length();
        if (n < 2) {
            return;
        }
        int[] js = new int[n];
        synchronized (this) {
            for (int i = n - 1; i >= 1; i--) {
                js[i] = (int) source.below(i + 1);
            }
        }
        for (int i = n - 1; i >= 1; i--) {
            PyInt pi = PyInt.of(i);
            PyInt pj = PyInt.of(js[i]);
            try {
                PyObject atJ = x.getItem(pj);
                try {
                    PyObject atI = x.getItem(pi);
                    try {
                        x.setItem(pi, atJ);
                        x.setItem(pj, atI);
                    } finally {
                        Refs.decref(atI);
                    }
                } finally {
                    Refs.decref(atJ);
                }
            } finally {
                Refs.decref(pi);
                Refs.decref(pj);
            }
        }
    }

    /** {@code sample(population, k, *, counts=None)}: the pool or the set algorithm, as 3.11 picks. */
    PyObject sample(PyObject population, PyObject k, PyObject counts) {
        if (!(population instanceof PyList || population instanceof PyTuple || population instanceof PyStr
                || population instanceof PyRange)) {
            throw Errors.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
        }
        int n = population.length();
        if (counts != null && counts != PyNone.INSTANCE) {
            return sampleCounted(population, n, k, counts);
        }
        PyInt nInt = PyInt.of(n);
        try {
            if (!Compare.test(PyInt.ZERO, k, Compare.LE) || !Compare.test(k, nInt, Compare.LE)) {
                throw Errors.valueError("Sample larger than population or is negative");
            }
        } finally {
            Refs.decref(nInt);
        }
        int size = repeatCountOf(k);
        long setsize = 21;
        if (size > 5) {
            setsize += pow4(ceilLog4(size * 3L));
        }
        PyObject[] result = new PyObject[size];
        try {
            if (n <= setsize) {
                PyObject[] pool = Iteration.toArray(population);
                try {
                    int[] picks = new int[size];
                    synchronized (this) {
                        for (int i = 0; i < size; i++) {
                            picks[i] = (int) source.below(n - i);
                        }
                    }
                    int[] slots = new int[pool.length];
                    for (int i = 0; i < slots.length; i++) {
                        slots[i] = i;
                    }
                    for (int i = 0; i < size; i++) {
                        int j = picks[i];
                        if (j >= slots.length || n - i - 1 >= slots.length) {
                            throw Errors.indexError("list index out of range");
                        }
                        result[i] = Refs.newRef(pool[slots[j]]);
                        slots[j] = slots[n - i - 1];
                    }
                } finally {
                    Refs.decrefAll(pool);
                }
            } else {
                long[] picks = new long[size];
                synchronized (this) {
                    Set<Long> selected = new HashSet<>();
                    for (int i = 0; i < size; i++) {
                        long j = source.below(n);
                        while (selected.contains(j)) {
                            j = source.below(n);
                        }
                        selected.add(j);
                        picks[i] = j;
                    }
                }
                for (int i = 0; i < size; i++) {
                    result[i] = itemAt(population, picks[i]);
                }
            }
        } catch (RuntimeException | Error e) {
            for (PyObject o : result) {
                Refs.xdecref(o);
            }
            throw e;
        }
        return PyList.steal(result);
    }

    /** {@code [None] * k}: k as a repeat count, with the sequence-repeat message. */
    private static int repeatCountOf(PyObject k) {
        PyInt index;
        try {
            index = k.asIndex();
        } catch (PyException e) {
            if (!e.matches(ExceptionTypes.TYPE_ERROR)) {
                throw e;
            }
            e.release();
            throw Errors.typeError("can't multiply sequence by non-int of type '" + k.typeName() + "'");
        }
        try {
            return index.intValue();
        } finally {
            Refs.decref(index);
        }
    }

    /** {@code ceil(log(x, 4))} as {@code math.log(x, 4)} computes it: {@code log(x) / log(4)}. */
    private static int ceilLog4(long x) {
        return (int) Math.ceil(Math.log((double) x) / Math.log(4.0));
    }

    private static long pow4(int e) {
        return 1L << (2 * e);
    }

    /** {@code sample} with {@code counts}: a sample of {@code range(total)} mapped by bisection. */
    private PyObject sampleCounted(PyObject population, int n, PyObject k, PyObject counts) {
        List<PyObject> cum = accumulate(counts);
        try {
            if (cum.size() != n) {
                throw Errors.valueError("The number of counts does not match the population");
            }
            if (cum.isEmpty()) {
                throw Errors.indexError("pop from empty list");
            }
            PyObject total = cum.remove(cum.size() - 1);
            try {
                if (!(total instanceof PyInt)) {
                    throw Errors.typeError("Counts must be integers");
                }
                if (!Compare.test(total, PyInt.ZERO, Compare.GT)) {
                    throw Errors.valueError("Total of counts must be greater than zero");
                }
                PyObject range = PyRange.create(PyInt.ZERO, total, PyInt.ONE);
                PyObject selections;
                try {
                    selections = sample(range, k, null);
                } finally {
                    Refs.decref(range);
                }
                try {
                    PyList sel = (PyList) selections;
                    int size = sel.size();
                    PyObject[] result = new PyObject[size];
                    try {
                        for (int i = 0; i < size; i++) {
                            PyObject s = sel.getNew(i);
                            try {
                                result[i] = itemAt(population, bisectRight(cum, s));
                            } finally {
                                Refs.decref(s);
                            }
                        }
                    } catch (RuntimeException | Error e) {
                        for (PyObject o : result) {
                            Refs.xdecref(o);
                        }
                        throw e;
                    }
                    return PyList.steal(result);
                } finally {
                    Refs.decref(selections);
                }
            } finally {
                Refs.decref(total);
            }
        } finally {
            for (PyObject o : cum) {
                Refs.decref(o);
            }
        }
    }

    /** {@code bisect.bisect_right(a, x)} over a Java list of borrowed items. */
    private static long bisectRight(List<PyObject> a, PyObject x) {
        int lo = 0;
        int hi = a.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Compare.test(x, a.get(mid), Compare.LT)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** {@code bisect.bisect_right(a, x, lo, hi)} over a Python sequence. */
    private static long bisectRight(PyObject a, PyObject x, long lo, long hi) {
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            PyObject item = itemAt(a, mid);
            boolean less;
            try {
                less = Compare.test(x, item, Compare.LT);
            } finally {
                Refs.decref(item);
            }
            if (less) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** {@code list(itertools.accumulate(iterable))}: new references. */
    private static List<PyObject> accumulate(PyObject iterable) {
        List<PyObject> out = new ArrayList<>();
        try {
            PyObject it = iterable.iter();
            try {
                for (PyObject x = it.next(); x != null; x = it.next()) {
                    if (out.isEmpty()) {
                        out.add(x);
                        continue;
                    }
                    try {
                        out.add(Arithmetic.binary(BinaryOp.ADD, out.get(out.size() - 1), x));
                    } finally {
                        Refs.decref(x);
                    }
                }
            } finally {
                Refs.decref(it);
            }
        } catch (RuntimeException | Error e) {
            for (PyObject o : out) {
                Refs.decref(o);
            }
            throw e;
        }
        return out;
    }

    /** {@code itertools.repeat(None, k)}'s count: an index, negative meaning none. */
    private static int timesOf(PyObject k) {
        if (k == null) {
            return 1;
        }
        PyInt index = k.asIndex();
        try {
            if (index.signum() <= 0) {
                return 0;
            }
            if (!index.isSmall() || index.longValue() > Integer.MAX_VALUE - 8) {
                throw Errors.memoryError();
            }
            return (int) index.longValue();
        } finally {
            Refs.decref(index);
        }
    }

    /** {@code choices(population, weights=None, *, cum_weights=None, k=1)}. */
    PyObject choices(PyObject population, PyObject weights, PyObject cumWeights, PyObject k) {
        int n = population.length();
        boolean noWeights = weights == null || weights == PyNone.INSTANCE;
        if (cumWeights == null || cumWeights == PyNone.INSTANCE) {
            if (noWeights) {
                int times = timesOf(k);
                double[] draws = draw(times);
                double nf = n;
                PyObject[] result = new PyObject[times];
                try {
                    for (int i = 0; i < times; i++) {
                        result[i] = itemAt(population, (long) Math.floor(draws[i] * nf));
                    }
                } catch (RuntimeException | Error e) {
                    for (PyObject o : result) {
                        Refs.xdecref(o);
                    }
                    throw e;
                }
                return PyList.steal(result);
            }
            List<PyObject> cum;
            try {
                cum = accumulate(weights);
            } catch (PyException e) {
                if (!e.matches(ExceptionTypes.TYPE_ERROR) || !(weights instanceof PyInt)) {
                    throw e;
                }
                e.release();
                throw Errors.typeError("The number of choices must be a keyword argument: k=" + weights.repr());
            }
            PyList list = PyList.steal(cum.toArray(new PyObject[0]));
            try {
                return weighted(population, n, list, k);
            } finally {
                Refs.decref(list);
            }
        }
        if (!noWeights) {
            throw Errors.typeError("Cannot specify both weights and cumulative weights");
        }
        return weighted(population, n, cumWeights, k);
    }

    private PyObject weighted(PyObject population, int n, PyObject cumWeights, PyObject k) {
        if (cumWeights.length() != n) {
            throw Errors.valueError("The number of weights does not match the population");
        }
        PyObject last = cumWeights.getItem(PyInt.MINUS_ONE);
        PyObject total;
        PyFloat zero = PyFloat.of(0.0);
        try {
            total = Arithmetic.binary(BinaryOp.ADD, last, zero);
        } finally {
            Refs.decref(last);
        }
        try {
            if (Compare.test(total, zero, Compare.LE)) {
                throw Errors.valueError("Total of weights must be greater than zero");
            }
            if (!Double.isFinite(asDouble(total))) {
                throw Errors.valueError("Total of weights must be finite");
            }
            long hi = n - 1;
            int times = timesOf(k);
            double[] draws = draw(times);
            PyObject[] result = new PyObject[times];
            try {
                for (int i = 0; i < times; i++) {
                    PyFloat r = PyFloat.of(draws[i]);
                    PyObject x;
                    try {
                        x = Arithmetic.binary(BinaryOp.MUL, r, total);
                    } finally {
                        Refs.decref(r);
                    }
                    long at;
                    try {
                        at = bisectRight(cumWeights, x, 0, hi);
                    } finally {
                        Refs.decref(x);
                    }
                    result[i] = itemAt(population, at);
                }
            } catch (RuntimeException | Error e) {
                for (PyObject o : result) {
                    Refs.xdecref(o);
                }
                throw e;
            }
            return PyList.steal(result);
        } finally {
            Refs.decref(total);
            Refs.decref(zero);
        }
    }

    /** {@code times} calls of {@code random()}, in one atomic step. */
    private double[] draw(int times) {
        double[] out = new double[times];
        synchronized (this) {
            for (int i = 0; i < times; i++) {
                out[i] = source.nextDouble();
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ distributions

    /** {@code uniform(a, b)}: {@code a + (b - a) * random()}. */
    PyObject uniform(PyObject a, PyObject b) {
        PyObject width = Arithmetic.binary(BinaryOp.SUB, b, a);
        PyObject scaled;
        try {
            scaled = mulFloat(width, nextDouble());
        } finally {
            Refs.decref(width);
        }
        try {
            return Arithmetic.binary(BinaryOp.ADD, a, scaled);
        } finally {
            Refs.decref(scaled);
        }
    }

    /** {@code triangular(low=0.0, high=1.0, mode=None)}. */
    PyObject triangular(PyObject lowArg, PyObject highArg, PyObject mode) {
        double u = nextDouble();
        PyObject low = lowArg == null ? PyFloat.of(0.0) : Refs.newRef(lowArg);
        PyObject high = highArg == null ? PyFloat.of(1.0) : Refs.newRef(highArg);
        PyObject c = null;
        PyObject uObj = PyFloat.of(u);
        try {
            try {
                if (mode == null || mode == PyNone.INSTANCE) {
                    c = PyFloat.of(0.5);
                } else {
                    PyObject num = Arithmetic.binary(BinaryOp.SUB, mode, low);
                    try {
                        PyObject den = Arithmetic.binary(BinaryOp.SUB, high, low);
                        try {
                            c = Arithmetic.binary(BinaryOp.TRUEDIV, num, den);
                        } finally {
                            Refs.decref(den);
                        }
                    } finally {
                        Refs.decref(num);
                    }
                }
            } catch (PyException e) {
                if (!e.matches(ExceptionTypes.ZERO_DIVISION_ERROR)) {
                    throw e;
                }
                e.release();
                return Refs.newRef(low);
            }
            if (Compare.test(uObj, c, Compare.GT)) {
                PyObject one = PyFloat.of(1.0);
                try {
                    PyObject u2 = Arithmetic.binary(BinaryOp.SUB, one, uObj);
                    Refs.decref(uObj);
                    uObj = u2;
                    PyObject c2 = Arithmetic.binary(BinaryOp.SUB, one, c);
                    Refs.decref(c);
                    c = c2;
                } finally {
                    Refs.decref(one);
                }
                PyObject t = low;
                low = high;
                high = t;
            }
            PyObject uc = Arithmetic.binary(BinaryOp.MUL, uObj, c);
            double root;
            try {
                root = sqrt(asDouble(uc));
            } finally {
                Refs.decref(uc);
            }
            PyObject span = Arithmetic.binary(BinaryOp.SUB, high, low);
            PyObject scaled;
            try {
                scaled = mulFloat(span, root);
            } finally {
                Refs.decref(span);
            }
            try {
                return Arithmetic.binary(BinaryOp.ADD, low, scaled);
            } finally {
                Refs.decref(scaled);
            }
        } finally {
            Refs.decref(low);
            Refs.decref(high);
            Refs.xdecref(c);
            Refs.decref(uObj);
        }
    }

    /** {@code normalvariate(mu=0.0, sigma=1.0)}: Kinderman and Monahan's ratio method. */
    PyObject normalvariate(PyObject mu, PyObject sigma) {
        double z;
        synchronized (this) {
            z = normalCore();
        }
        return muPlusZSigma(mu, PyFloat.of(z), sigma);
    }

    private double normalCore() {
        while (true) {
            double u1 = source.nextDouble();
            double u2 = 1.0 - source.nextDouble();
            double z = NV_MAGICCONST * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Math.log(u2)) {
                return z;
            }
        }
    }

    /** {@code gauss(mu=0.0, sigma=1.0)}: Box-Muller, keeping the second value in {@code gauss_next}. */
    PyObject gauss(PyObject mu, PyObject sigma) {
        PyObject z;
        synchronized (this) {
            z = gaussNext;
            gaussNext = null;
            if (z == null) {
                double x2pi = source.nextDouble() * TWOPI;
                double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - source.nextDouble()));
                z = PyFloat.of(Math.cos(x2pi) * g2rad);
                gaussNext = PyFloat.of(Math.sin(x2pi) * g2rad);
            }
        }
        return muPlusZSigma(mu, z, sigma);
    }

    /** {@code mu + z * sigma} (defaults 0.0 and 1.0); takes over the reference to {@code z}. */
    private static PyObject muPlusZSigma(PyObject mu, PyObject z, PyObject sigma) {
        try {
            if ((mu == null || mu instanceof PyFloat) && z instanceof PyFloat zf && (sigma == null || sigma instanceof PyFloat)) {
                double m = mu == null ? 0.0 : ((PyFloat) mu).value();
                double s = sigma == null ? 1.0 : ((PyFloat) sigma).value();
                return PyFloat.of(m + zf.value() * s);
            }
            PyObject s = sigma == null ? PyFloat.of(1.0) : Refs.newRef(sigma);
            PyObject product;
            try {
                product = Arithmetic.binary(BinaryOp.MUL, z, s);
            } finally {
                Refs.decref(s);
            }
            PyObject m = mu == null ? PyFloat.of(0.0) : Refs.newRef(mu);
            try {
                return Arithmetic.binary(BinaryOp.ADD, m, product);
            } finally {
                Refs.decref(m);
                Refs.decref(product);
            }
        } finally {
            Refs.decref(z);
        }
    }

    /** {@code lognormvariate(mu, sigma)}: {@code exp(normalvariate(mu, sigma))}. */
    PyObject lognormvariate(PyObject mu, PyObject sigma) {
        PyObject normal = normalvariate(mu, sigma);
        try {
            return PyFloat.of(exp(asDouble(normal)));
        } finally {
            Refs.decref(normal);
        }
    }

    /** {@code expovariate(lambd)}: {@code -log(1.0 - random()) / lambd}. */
    PyObject expovariate(PyObject lambd) {
        double u = nextDouble();
        PyFloat e = PyFloat.of(-Math.log(1.0 - u));
        try {
            return Arithmetic.binary(BinaryOp.TRUEDIV, e, lambd);
        } finally {
            Refs.decref(e);
        }
    }

    /** {@code vonmisesvariate(mu, kappa)}: Best and Fisher's algorithm, as Lib/random.py. */
    PyObject vonmisesvariate(PyObject mu, PyObject kappa) {
        PyFloat tiny = PyFloat.of(1e-6);
        boolean uniformAngle;
        try {
            uniformAngle = Compare.test(kappa, tiny, Compare.LE);
        } finally {
            Refs.decref(tiny);
        }
        if (uniformAngle) {
            return PyFloat.of(TWOPI * nextDouble());
        }
        double k = asDouble(kappa);
        double s = 0.5 / k;
        double r = s + Math.sqrt(1.0 + s * s);
        double z;
        double u3;
        synchronized (this) {
            while (true) {
                double u1 = source.nextDouble();
                z = Math.cos(PI * u1);
                double d = z / (r + z);
                double u2 = source.nextDouble();
                if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * Math.exp(d)) {
                    break;
                }
            }
            u3 = source.nextDouble();
        }
        double q = 1.0 / r;
        double f = (q + z) / (1.0 + q * z);
        PyFloat angle = PyFloat.of(Math.acos(f));
        PyObject sum;
        try {
            sum = Arithmetic.binary(u3 > 0.5 ? BinaryOp.ADD : BinaryOp.SUB, mu, angle);
        } finally {
            Refs.decref(angle);
        }
        PyFloat twoPi = PyFloat.of(TWOPI);
        try {
            return Arithmetic.binary(BinaryOp.MOD, sum, twoPi);
        } finally {
            Refs.decref(sum);
            Refs.decref(twoPi);
        }
    }

    private static void checkGammaArgs(PyObject alpha, PyObject beta) {
        PyFloat zero = PyFloat.of(0.0);
        try {
            if (Compare.test(alpha, zero, Compare.LE) || Compare.test(beta, zero, Compare.LE)) {
                throw Errors.valueError("gammavariate: alpha and beta must be > 0.0");
            }
        } finally {
            Refs.decref(zero);
        }
    }

    /** {@code gammavariate(alpha, beta)}. */
    PyObject gammavariate(PyObject alpha, PyObject beta) {
        checkGammaArgs(alpha, beta);
        double a = asDouble(alpha);
        double x;
        synchronized (this) {
            x = gammaCore(a);
        }
        return mulFloat(beta, x);
    }

    /**
     * A gamma variate of shape {@code alpha} and scale 1: Cheng's algorithm for alpha &gt; 1, the
     * exponential for alpha == 1, algorithm GS (Kennedy and Gentle) below.
     */
    private double gammaCore(double alpha) {
        if (alpha > 1.0) {
            double ainv = Math.sqrt(2.0 * alpha - 1.0);
            double bbb = alpha - LOG4;
            double ccc = alpha + ainv;
            while (true) {
                double u1 = source.nextDouble();
                if (!(1e-7 < u1 && u1 < 0.9999999)) {
                    continue;
                }
                double u2 = 1.0 - source.nextDouble();
                double v = Math.log(u1 / (1.0 - u1)) / ainv;
                double x = alpha * Math.exp(v);
                double z = u1 * u1 * u2;
                double r = bbb + ccc * v - x;
                if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= Math.log(z)) {
                    return x;
                }
            }
        }
        if (alpha == 1.0) {
            return -Math.log(1.0 - source.nextDouble());
        }
        while (true) {
            double u = source.nextDouble();
            double b = (E + alpha) / E;
            double p = b * u;
            double x = p <= 1.0 ? Math.pow(p, 1.0 / alpha) : -Math.log((b - p) / alpha);
            double u1 = source.nextDouble();
            if (p > 1.0) {
                if (u1 <= Math.pow(x, alpha - 1.0)) {
                    return x;
                }
            } else if (u1 <= Math.exp(-x)) {
                return x;
            }
        }
    }

    /** {@code betavariate(alpha, beta)}: from two gamma variates. */
    PyObject betavariate(PyObject alpha, PyObject beta) {
        PyFloat one = PyFloat.of(1.0);
        try {
            checkGammaArgs(alpha, one);
        } finally {
            Refs.decref(one);
        }
        double a = asDouble(alpha);
        boolean betaValid;
        PyFloat zero = PyFloat.of(0.0);
        try {
            betaValid = !Compare.test(beta, zero, Compare.LE);
        } finally {
            Refs.decref(zero);
        }
        double b = betaValid ? asDouble(beta) : 0.0;
        double y;
        double other = 0.0;
        synchronized (this) {
            y = gammaCore(a);
            if (y != 0.0 && betaValid) {
                other = gammaCore(b);
            }
        }
        if (y == 0.0) {
            return PyFloat.of(0.0);
        }
        if (!betaValid) {
            throw Errors.valueError("gammavariate: alpha and beta must be > 0.0");
        }
        return PyFloat.of(y / (y + other));
    }

    /** {@code paretovariate(alpha)}: {@code (1.0 - random()) ** (-1.0 / alpha)}. */
    PyObject paretovariate(PyObject alpha) {
        PyFloat u = PyFloat.of(1.0 - nextDouble());
        PyFloat minusOne = PyFloat.of(-1.0);
        try {
            PyObject exponent = Arithmetic.binary(BinaryOp.TRUEDIV, minusOne, alpha);
            try {
                return Arithmetic.binary(BinaryOp.POW, u, exponent);
            } finally {
                Refs.decref(exponent);
            }
        } finally {
            Refs.decref(u);
            Refs.decref(minusOne);
        }
    }

    /** {@code weibullvariate(alpha, beta)}: {@code alpha * (-log(1.0 - random())) ** (1.0 / beta)}. */
    PyObject weibullvariate(PyObject alpha, PyObject beta) {
        PyFloat base = PyFloat.of(-Math.log(1.0 - nextDouble()));
        PyFloat one = PyFloat.of(1.0);
        try {
            PyObject exponent = Arithmetic.binary(BinaryOp.TRUEDIV, one, beta);
            PyObject power;
            try {
                power = Arithmetic.binary(BinaryOp.POW, base, exponent);
            } finally {
                Refs.decref(exponent);
            }
            try {
                return Arithmetic.binary(BinaryOp.MUL, alpha, power);
            } finally {
                Refs.decref(power);
            }
        } finally {
            Refs.decref(base);
            Refs.decref(one);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** {@code x * f} for a float {@code f}, in Python's arithmetic. */
    private static PyObject mulFloat(PyObject x, double f) {
        PyFloat pf = PyFloat.of(f);
        try {
            return Arithmetic.binary(BinaryOp.MUL, x, pf);
        } finally {
            Refs.decref(pf);
        }
    }

    /** The argument of a {@code math} function as a double ({@code PyFloat_AsDouble}). */
    private static double asDouble(PyObject o) {
        if (o instanceof PyFloat f) {
            return f.value();
        }
        if (o instanceof PyInt i) {
            return i.toDouble();
        }
        PyObject method = SpecialMethods.lookup(o, "__float__");
        if (method != null) {
            Refs.decref(method);
            PyObject f = PyFloat.TYPE.call(new PyObject[] {o}, 0, 1, null);
            try {
                return PyFloat.toDouble(f);
            } finally {
                Refs.decref(f);
            }
        }
        throw Errors.typeError("must be real number, not " + o.typeName());
    }

    private static double sqrt(double x) {
        if (x < 0) {
            throw Errors.valueError("math domain error");
        }
        return Math.sqrt(x);
    }

    private static double exp(double x) {
        double r = Math.exp(x);
        if (Double.isInfinite(r) && Double.isFinite(x)) {
            throw Errors.overflowError("math range error");
        }
        return r;
    }

    // ------------------------------------------------------------------ object protocol

    @Override
    public PyDict instanceDict() {
        return dict;
    }

    @Override
    public void setAttribute(PyStr name, PyObject value) {
        if (dict == null) {
            PyObject descr = type.lookup(name);
            boolean data = descr != null && descr.isDataDescriptor();
            Refs.xdecref(descr);
            if (!data) {
                synchronized (this) {
                    if (dict == null) {
                        dict = PyDict.create();
                    }
                }
            }
        }
        super.setAttribute(name, value);
    }

    @Override
    public String repr() {
        String name = type == TYPE || type == SYSTEM_TYPE ? "random." + type.name() : type.module() + "." + type.name();
        return "<" + name + " object at " + Identity.address(this) + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(type);
        PyObject g = gaussNext;
        if (g != null) {
            visitor.visit(g);
        }
        PyDict d = dict;
        if (d != null) {
            visitor.visit(d);
        }
    }
}
