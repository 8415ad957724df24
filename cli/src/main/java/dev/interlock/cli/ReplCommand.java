package dev.interlock.cli;

import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code interlock repl}: Python's interactive mode. Statements typed at {@code >>>} (and
 * {@code ...} for continuation lines) run in {@code __main__}, and an expression's value is echoed,
 * so the article's session shows {@code 3}. On a terminal, JLine gives line editing and history
 * (kept in {@code ~/.interlock_history}); with input from a pipe, lines are read plainly and the
 * prompts go to stderr, as CPython does.
 */
@Command(name = "repl", description = "Start an interactive session (>>> prompts, values echoed).",
        mixinStandardHelpOptions = true)
final class ReplCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        PluginRegistry.Selection selection = runtime.select(cl, InterlockCommand.of(spec).plugins());
        InterpreterConfig config = new InterpreterConfig(selection.strategy().name(), selection.memory().name(),
                selection.options(), List.of(""), Path.of("").toAbsolutePath(), System.out, System.err, false,
                runtime.allowUnsafe);
        Interpreter interpreter = PluginRegistry.create(selection, config);
        String banner = "Interlock " + VersionProvider.version() + " (Python 3.11 language) on Java "
                + System.getProperty("java.version") + ", --lock " + selection.strategy().name() + " --memory "
                + selection.memory().name() + "\nPress Ctrl-D to leave.";
        if (System.console() == null) {
            return interpreter.runInteractive(pipedInput(), banner);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return interpreter.runInteractive(terminalInput(terminal), banner);
        }
    }

    /** Lines from a terminal, edited with JLine, with history across sessions. */
    private static Interpreter.LineSource terminalInput(Terminal terminal) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]); // keep backslashes: they are Python's
        LineReader reader = LineReaderBuilder.builder()
                .appName("interlock")
                .terminal(terminal)
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".interlock_history"))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is an operator, not a history event
                .option(LineReader.Option.INSERT_TAB, true) // Tab indents
                .build();
        return prompt -> {
            try {
                return reader.readLine(prompt);
            } catch (EndOfFileException e) {
                return null;
            } catch (UserInterruptException e) {
                throw new InterruptedIOException("interrupted");
            }
        };
    }

    /** Lines from a pipe; the prompts go to stderr so stdout carries only the program's output. */
    private static Interpreter.LineSource pipedInput() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return prompt -> {
            System.err.print(prompt);
            System.err.flush();
            return in.readLine();
        };
    }
}
