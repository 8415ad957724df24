package dev.interlock.vm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.bytecode.Disassembler;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.testing.OnPythonThread;
import dev.interlock.vm.testing.PythonRunner;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The compiler")
class CompilerTest {

    @Nested
    @DisplayName("drops unreachable code")
    class UnreachableCode {

        /**
         * The else of {@code while True} can never run, so it is dropped. Two jumps (the
         * {@code continue} and the end of the body) share the label of the later {@code for} loop's
         * FOR_ITER; each label must be moved once, not once per jump. Moving it twice sent the jumps
         * into the middle of the code, and the stack-depth pass never terminated (out of memory).
         */
        private static final String PROGRAM = String.join("\n",
                "n = 0",
                "while True:",
                "    n += 1",
                "    if n % 2 == 0:",
                "        continue",
                "    if n > 7:",
                "        break",
                "else:",
                "    print('never printed')",
                "for i in range(3):",
                "    if i == 1:",
                "        continue",
                "    print(i, n)",
                "");

        @Test
        @DisplayName("keeping jumps that share a label on the right instruction")
        void sharedLabels() {
            PythonRunner.Result r = PythonRunner.serial().run(PROGRAM);
            // CPython 3.11: n stops at 9 (the first odd number above 7); i == 1 is skipped.
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("0 9\n2 9\n");
        }

        @Test
        @DisplayName("every jump of the for loop targets FOR_ITER or the code after the loop")
        void jumpTargets() {
            String dis = OnPythonThread.call(ts -> {
                PyCode module = Compiler.compile(PROGRAM, "<dis>", Compiler.Mode.EXEC);
                try {
                    return Disassembler.disassembleRecursive(module);
                } finally {
                    Refs.decref(module);
                }
            });
            java.util.regex.Matcher forIter = java.util.regex.Pattern.compile("(\\d+) FOR_ITER").matcher(dis);
            assertThat(forIter.find()).as("a FOR_ITER in%n%s", dis).isTrue();
            String target = "(to " + forIter.group(1) + ")";
            List<String> backJumps = dis.lines().filter(l -> l.contains("JUMP_ABSOLUTE") && l.endsWith(target)).toList();
            // The for loop jumps back to FOR_ITER twice: from 'continue' and from the end of its body.
            assertThat(backJumps).hasSize(2);
        }
    }
}
