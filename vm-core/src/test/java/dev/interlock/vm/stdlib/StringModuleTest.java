package dev.interlock.vm.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code string} module against CPython 3.11.7: every expected output below is what
 * {@code python3} printed for the same program.
 */
@DisplayName("The string module")
class StringModuleTest {

    /** Prepended to every program. */
    private static final String PRELUDE = """
            import string
            def show(label, f, *args, **kw):
                try:
                    print(label, repr(f(*args, **kw)))
                except Exception as e:
                    print(label, type(e).__name__ + ':', e)
            """;

    private static void assertPrints(String program, String expected) {
        PythonRunner.Result r = PythonRunner.serial().run(PRELUDE + program);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(lines(r.stdout())).containsExactlyElementsOf(lines(expected));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    @Nested
    @DisplayName("the constants")
    class Constants {

        @Test
        @DisplayName("each constant's value, length and type")
        void values() {
            // Expected: what python3 (CPython 3.11.7) prints for the same program.
            assertPrints("""
                    for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits', 'octdigits', 'punctuation', 'whitespace', 'printable']:
                        v = getattr(string, name)
                        print(name, repr(v), len(v), type(v).__name__)
                    """, """
                    ascii_letters 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ' 52 str
                    ascii_lowercase 'abcdefghijklmnopqrstuvwxyz' 26 str
                    ascii_uppercase 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' 26 str
                    digits '0123456789' 10 str
                    hexdigits '0123456789abcdefABCDEF' 22 str
                    octdigits '01234567' 8 str
                    punctuation '!"#$%&\\'()*+,-./:;<=>?@[\\\\]^_`{|}~' 32 str
                    whitespace ' \\t\\n\\r\\x0b\\x0c' 6 str
                    printable '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\\'()*+,-./:;<=>?@[\\\\]^_`{|}~ \\t\\n\\r\\x0b\\x0c' 100 str
                    """);
        }

        @Test
        @DisplayName("how the constants are built from each other")
        void relations() {
            // Expected: what python3 (CPython 3.11.7) prints for the same program.
            assertPrints("""
                    print(string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
                    print(string.ascii_letters == string.ascii_lowercase + string.ascii_uppercase)
                    print(string.hexdigits == string.digits + 'abcdef' + 'ABCDEF', string.octdigits == string.digits[:8])
                    print([c for c in string.printable if not c.isprintable()], [c for c in string.punctuation if c.isalnum()])
                    print(all([c.isspace() for c in string.whitespace]), all([c.isupper() for c in string.ascii_uppercase]))
                    """, """
                    True
                    True
                    True True
                    ['\\t', '\\n', '\\r', '\\x0b', '\\x0c'] []
                    True True
                    """);
        }

        @Test
        @DisplayName("the module's name and docstring")
        void module() {
            // Expected: what python3 (CPython 3.11.7) prints for the same program.
            assertPrints("""
                    print(string.__name__)
                    print(string.__doc__)
                    """, """
                    string
                    A collection of string constants.

                    Public module variables:

                    whitespace -- a string containing all ASCII whitespace
                    ascii_lowercase -- a string containing all ASCII lowercase letters
                    ascii_uppercase -- a string containing all ASCII uppercase letters
                    ascii_letters -- a string containing all ASCII letters
                    digits -- a string containing all ASCII decimal digits
                    hexdigits -- a string containing all ASCII hexadecimal digits
                    octdigits -- a string containing all ASCII octal digits
                    punctuation -- a string containing all ASCII punctuation characters
                    printable -- a string containing all ASCII characters considered printable


                    """);
        }
    }

    @Nested
    @DisplayName("capwords")
    class Capwords {

        @Test
        @DisplayName("splits on runs of whitespace and joins with one space")
        void whitespace() {
            // Expected: what python3 (CPython 3.11.7) prints for the same program.
            assertPrints("""
                    show('capwords', string.capwords, 'hello world')
                    show('capwords', string.capwords, '  hello   wORLD \\t foo\\n')
                    show('capwords', string.capwords, "it's a DOG's life")
                    show('capwords', string.capwords, '')
                    show('capwords', string.capwords, '   ')
                    show('capwords', string.capwords, 'x1y z2 3abc')
                    show('capwords', string.capwords, 'ünïcode wörds éTÉ')
                    show('capwords', string.capwords, 'hello world', None)
                    show('capwords', string.capwords, s='abc def')
                    """, """
                    capwords 'Hello World'
                    capwords 'Hello World Foo'
                    capwords "It's A Dog's Life"
                    capwords ''
                    capwords ''
                    capwords 'X1y Z2 3abc'
                    capwords 'Ünïcode Wörds Été'
                    capwords 'Hello World'
                    capwords 'Abc Def'
                    """);
        }

        @Test
        @DisplayName("splits and joins on an explicit separator")
        void separator() {
            // Expected: what python3 (CPython 3.11.7) prints for the same program.
            assertPrints("""
                    show('capwords', string.capwords, 'a-b--c', '-')
                    show('capwords', string.capwords, 'a-b--c', sep='-')
                    show('capwords', string.capwords, 'hello world', ' ')
                    show('capwords', string.capwords, 'one, two,three', ', ')
                    show('capwords', string.capwords, 'hello world', '')
                    show('capwords', string.capwords, 'ab', 1)
                    """, """
                    capwords 'A-B--C'
                    capwords 'A-B--C'
                    capwords 'Hello World'
                    capwords 'One, Two,three'
                    capwords ValueError: empty separator
                    capwords AttributeError: 'int' object has no attribute 'join'
                    """);
        }

        @Test
        @DisplayName("is a Python function: its argument errors are a function's")
        void errors() {
            // Expected: what python3 (CPython 3.11.7) prints for the same program.
            assertPrints("""
                    show('capwords', string.capwords, 1)
                    show('capwords', string.capwords)
                    show('capwords', string.capwords, 'a', 'b', 'c')
                    show('capwords', string.capwords, 'a', x=1)
                    show('capwords', string.capwords, 'a', s='b')
                    print(string.capwords.__name__, string.capwords.__module__, string.capwords.__doc__.splitlines()[0])
                    print(repr(string.capwords).startswith('<function capwords at 0x'))
                    """, """
                    capwords AttributeError: 'int' object has no attribute 'split'
                    capwords TypeError: capwords() missing 1 required positional argument: 's'
                    capwords TypeError: capwords() takes from 1 to 2 positional arguments but 3 were given
                    capwords TypeError: capwords() got an unexpected keyword argument 'x'
                    capwords TypeError: capwords() got multiple values for argument 's'
                    capwords string capwords(s [,sep]) -> string
                    True
                    """);
        }

        @Test
        @DisplayName("an uncaught error inside it names capwords's line in CPython's string.py")
        void traceback() {
            // python3 prints, for the same program:
            //   File ".../lib/python3.11/string.py", line 48, in capwords
            //   ...
            //   AttributeError: 'int' object has no attribute 'split'
            PythonRunner.Result r = PythonRunner.serial().run("import string\nstring.capwords(1)\n");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.stderr()).contains("string.py\", line 48, in capwords\n"
                    + "    return (sep or ' ').join(map(str.capitalize, s.split(sep)))\n");
            assertThat(r.lastErrorLine()).isEqualTo("AttributeError: 'int' object has no attribute 'split'");
        }
    }

    @Nested
    @DisplayName("in programs")
    class Programs {

        @Test
        @DisplayName("a Caesar cipher and a base converter built from the constants")
        void caesar() {
            // Expected: what python3 (CPython 3.11.7) prints for the same program.
            assertPrints("""
                    shift = 3
                    table = {c: string.ascii_lowercase[(i + shift) % 26] for i, c in enumerate(string.ascii_lowercase)}
                    print(''.join([table.get(c, c) for c in 'attack at dawn!']))
                    def to_base(n, base):
                        digs = string.digits + string.ascii_lowercase
                        if n == 0:
                            return '0'
                        out = []
                        while n:
                            n, r = divmod(n, base)
                            out.append(digs[r])
                        return ''.join(reversed(out))
                    print(to_base(255, 16), to_base(255, 2), to_base(2 ** 64, 36), int(to_base(123456789, 36), 36))
                    print(sum([c in string.punctuation for c in 'Hi, there! (ok?)']), [c in string.whitespace for c in 'a b\\tc'])
                    """, """
                    dwwdfn dw gdzq!
                    ff 11111111 3w5e11264sgsg 123456789
                    5 [False, True, False, True, False]
                    """);
        }
    }
}
