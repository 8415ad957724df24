package dev.interlock.vm.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The opcode table against CPython 3.10's. The oracle, {@code opcodes-3.10.txt}, is written by
 * {@code src/test/python/make_opcodes310.py} under CPython 3.10.13: {@code opcode.opmap},
 * {@code opcode.HAVE_ARGUMENT} and {@code dis.stack_effect} for every opcode and a spread of
 * arguments, with and without the jump.
 */
@DisplayName("The opcode table")
class OpcodeTest {

    /** One {@code dis.stack_effect(op, arg, jump=jump)} value; arg is null for opcodes without one. */
    record Effect(String name, Integer arg, boolean jump, int value) {
    }

    private static final Map<String, Integer> OPMAP = new LinkedHashMap<>();
    private static final List<Effect> EFFECTS = new ArrayList<>();
    private static int haveArgument = -1;

    static {
        try (InputStream in = OpcodeTest.class.getResourceAsStream("opcodes-3.10.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "have_argument" -> haveArgument = Integer.parseInt(f[1]);
                    case "opcode" -> OPMAP.put(f[1], Integer.parseInt(f[2]));
                    case "effect" -> EFFECTS.add(new Effect(f[1], f[2].equals("-") ? null : Integer.valueOf(f[2]),
                            Boolean.parseBoolean(f[3].toLowerCase()), Integer.parseInt(f[4])));
                    default -> {
                        // a comment
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("numbers every instruction as CPython 3.10 does")
    class Numbers {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Opcode.class)
        @DisplayName("Opcode.code() is opcode.opmap[name]")
        void codeMatchesOpmap(Opcode op) {
            assertThat(OPMAP).containsKey(op.name());
            assertThat(op.code()).isEqualTo(OPMAP.get(op.name()));
        }

        @Test
        @DisplayName("every OpcodeNumbers constant is the code of the Opcode of the same name")
        void numbersAgreeWithEnum() throws IllegalAccessException {
            SoftAssertions softly = new SoftAssertions();
            Set<String> constants = new TreeSet<>();
            for (Field field : OpcodeNumbers.class.getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != int.class
                        || field.getName().equals("HAVE_ARGUMENT")) {
                    continue;
                }
                constants.add(field.getName());
                softly.assertThat(Opcode.valueOf(field.getName()).code()).as(field.getName()).isEqualTo(field.getInt(null));
            }
            softly.assertThat(constants).as("one constant per Opcode")
                    .isEqualTo(Arrays.stream(Opcode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
            softly.assertAll();
        }

        @Test
        @DisplayName("HAVE_ARGUMENT is 90, and exactly the opcodes at or above it take an argument")
        void haveArgument() {
            assertThat(OpcodeNumbers.HAVE_ARGUMENT).isEqualTo(haveArgument).isEqualTo(90);
            for (Opcode op : Opcode.values()) {
                assertThat(op.hasArgument()).as(op.name()).isEqualTo(op.code() >= haveArgument);
                assertThat(op.argKind() == Opcode.ArgKind.NONE).as(op.name()).isEqualTo(!op.hasArgument());
            }
        }

        @Test
        @DisplayName("Opcode.of finds every opcode by number, and nothing for unused numbers")
        void lookupByNumber() {
            for (Opcode op : Opcode.values()) {
                assertThat(Opcode.of(op.code())).isSameAs(op);
            }
            // 0, 7 and 48 are unused in 3.10; out-of-range codes are never found.
            assertThat(OPMAP.values()).doesNotContain(0, 7, 48);
            assertThat(Opcode.of(0)).isNull();
            assertThat(Opcode.of(7)).isNull();
            assertThat(Opcode.of(48)).isNull();
            assertThat(Opcode.of(-1)).isNull();
            assertThat(Opcode.of(256)).isNull();
            assertThat(Opcode.inNumericOrder()).extracting(Opcode::code).isSorted().hasSize(Opcode.values().length);
        }

        @Test
        @DisplayName("leaves out only the coroutine and pattern-matching instructions of 3.10")
        void omittedOpcodes() {
            Set<String> omitted = new TreeSet<>(OPMAP.keySet());
            Arrays.stream(Opcode.values()).map(Enum::name).forEach(omitted::remove);
            // async with/for, await, and the match statement: features Interlock does not support.
            assertThat(omitted).containsExactly("BEFORE_ASYNC_WITH", "COPY_DICT_WITHOUT_KEYS", "END_ASYNC_FOR", "GET_AITER",
                    "GET_ANEXT", "GET_AWAITABLE", "GET_LEN", "MATCH_CLASS", "MATCH_KEYS", "MATCH_MAPPING", "MATCH_SEQUENCE",
                    "SETUP_ASYNC_WITH");
        }
    }

    @Nested
    @DisplayName("computes the stack effect CPython 3.10's dis.stack_effect reports")
    class StackEffects {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Opcode.class)
        @DisplayName("for arguments 0, 1, 2, 3, 7, 15 and 258, with and without the jump")
        void stackEffect(Opcode op) {
            List<Effect> rows = EFFECTS.stream().filter(e -> e.name().equals(op.name())).toList();
            assertThat(rows).as("oracle rows for %s", op).isNotEmpty();
            SoftAssertions softly = new SoftAssertions();
            for (Effect e : rows) {
                int arg = e.arg() == null ? 0 : e.arg();
                softly.assertThat(op.stackEffect(arg, e.jump())).as("%s arg=%s jump=%s", op, e.arg(), e.jump())
                        .isEqualTo(e.value());
            }
            softly.assertAll();
        }

        @Test
        @DisplayName("the oracle covers every opcode with and without an argument")
        void oracleCoversEveryOpcode() {
            Set<String> covered = EFFECTS.stream().map(Effect::name).collect(Collectors.toSet());
            assertThat(covered).containsAll(Arrays.stream(Opcode.values()).map(Enum::name).toList());
            // 7 arguments x 2 jump flags for opcodes with an argument (some are refused by CPython).
            assertThat(EFFECTS.stream().filter(e -> e.name().equals("CALL_FUNCTION"))).hasSize(14);
        }
    }
}
