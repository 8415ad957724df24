package dev.interlock.vm.runtime;

import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.Refs;
import java.util.Set;

/**
 * Decides whether the lines typed at the interactive prompt make a statement yet, as CPython's
 * {@code codeop} does: input that fails only because it ends too early (an open bracket, a block
 * header with no body, an unterminated triple-quoted string, a trailing backslash) asks for more
 * with {@code ...}; a compound statement goes on until an empty line.
 */
final class InteractiveInput {

    /** The statements that open a block, which the prompt keeps reading until an empty line. */
    private static final Set<String> COMPOUND = Set.of("if", "while", "for", "def", "class", "with", "try", "async", "@");

    /** What the lines so far make. */
    sealed interface Status permits Complete, Incomplete, Invalid {
    }

    /** A statement ready to run: the code (a new reference) in {@code single} mode. */
    record Complete(PyCode code) implements Status {
    }

    /** Not a statement yet: prompt for another line. */
    record Incomplete() implements Status {
    }

    /** A syntax error that more lines would not fix. */
    record Invalid(SyntaxErrorException error) implements Status {
    }

    private InteractiveInput() {
    }

    /** The status of {@code lines} (without their newlines) typed so far. */
    static Status check(java.util.List<String> lines, String filename) {
        String source = String.join("\n", lines);
        boolean block = opensBlock(source);
        boolean ended = lines.size() > 1 && lines.get(lines.size() - 1).isBlank();
        if (block && !ended) {
            // Compile only to tell a hopeless error from an unfinished block.
            try {
                Refs.decref(Compiler.compile(source + "\n", filename, Compiler.Mode.SINGLE));
            } catch (SyntaxErrorException e) {
                return endsTooEarly(e) ? new Incomplete() : new Invalid(e);
            }
            return new Incomplete();
        }
        try {
            return new Complete(Compiler.compile(source + "\n", filename, Compiler.Mode.SINGLE));
        } catch (SyntaxErrorException e) {
            return endsTooEarly(e) && !ended ? new Incomplete() : new Invalid(e);
        }
    }

    private static boolean opensBlock(String source) {
        String first = source.strip();
        int end = 0;
        while (end < first.length() && (Character.isLetter(first.charAt(end)) || first.charAt(end) == '@')) {
            end++;
            if (first.charAt(0) == '@') {
                break;
            }
        }
        return COMPOUND.contains(first.substring(0, end));
    }

    private static boolean endsTooEarly(SyntaxErrorException e) {
        String m = e.msg();
        return m.endsWith("was never closed") || m.startsWith("unterminated triple-quoted string")
                || m.startsWith("expected an indented block") || m.equals("unexpected EOF while parsing");
    }
}
