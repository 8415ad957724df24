package dev.interlock.cli.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code interlock run} in a fresh JVM, started the same way every time (the same java,
 * class path and options), so that no run inherits another's JIT profile or heap. Its stdout and
 * stderr are captured whole, and its own measurement ({@code --stats-json}) read back.
 */
public final class ChildRun {

    /** What the run printed and measured. {@code stats} is empty when the run died before writing it. */
    public record Result(int status, String stdout, String stderr, Map<String, Object> stats) {

        /** The last non-empty line of stderr: the error, for a failed run. */
        public String lastErrorLine() {
            String[] lines = stderr.strip().split("\n");
            return lines.length == 0 ? "" : lines[lines.length - 1];
        }

        public long longStat(String key) {
            return stats.get(key) instanceof Number n ? n.longValue() : 0;
        }

        /** A counter of the strategy ({@code "strategy"}) or the memory manager ({@code "memory"}). */
        public Map<?, ?> counters(String section) {
            return stats.get(section) instanceof Map<?, ?> m ? m : Map.of();
        }
    }

    private ChildRun() {
    }

    /** The command that starts a child JVM running {@code Main} with {@code interlockArgs}. */
    public static List<String> command(List<String> interlockArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dguice_bytecode_gen_option=DISABLED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.interlock.cli.Main");
        cmd.addAll(interlockArgs);
        return cmd;
    }

    /**
     * Runs {@code interlock GLOBAL_OPTIONS run RUN_OPTIONS --stats-json TMP PROGRAM ARGS} in a child
     * JVM and waits for it. The global options are those every child needs as the parent has them,
     * such as {@code --plugin-path}, so that a strategy from a plug-in jar runs there too.
     */
    public static Result run(List<String> globalOptions, List<String> runOptions, List<String> programAndArgs)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("interlock-run");
        Path stats = dir.resolve("stats.json");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        try {
            List<String> args = new ArrayList<>(globalOptions);
            args.add("run");
            args.addAll(runOptions);
            args.add("--stats-json");
            args.add(stats.toString());
            args.addAll(programAndArgs);
            Process p = new ProcessBuilder(command(args))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            p.getOutputStream().close(); // programs read no input: end of file at once
            int status = p.waitFor();
            Map<String, Object> measured = Map.of();
            if (Files.exists(stats)) {
                Object parsed = Json.read(Files.readString(stats, StandardCharsets.UTF_8));
                if (parsed instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) m;
                    measured = typed;
                }
            }
            return new Result(status, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), measured);
        } finally {
            for (Path f : new Path[] {stats, out, err, dir}) {
                Files.deleteIfExists(f);
            }
        }
    }
}
