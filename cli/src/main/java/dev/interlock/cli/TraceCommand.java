package dev.interlock.cli;

import dev.interlock.api.trace.Activity;
import dev.interlock.cli.compare.Html;
import dev.interlock.cli.trace.Timeline;
import dev.interlock.cli.trace.TimelineSvg;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PluginRegistry;
import dev.interlock.vm.runtime.TraceRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interlock trace FILE --out timeline.svg}: runs a program with a tracer and draws what its
 * threads did over time: running, waiting for the GIL or a per-object lock, detached in a blocking
 * call; with the GIL's drop requests and forced switches marked.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Run a program and draw its threads' timeline (SVG, or HTML with a summary).")
final class TraceCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The picture: FILE.svg or FILE.html.")
    Path out;

    @Option(names = "--window", paramLabel = "START:END",
            description = "Draw only this span of the run, in seconds from its start (e.g. 0.5:0.6).")
    String window;

    @Option(names = "--buffer", paramLabel = "EVENTS", defaultValue = "1000000",
            description = "Events kept (default: ${DEFAULT-VALUE}); later ones are counted and dropped.")
    int buffer;

    @Parameters(index = "0", paramLabel = "FILE", description = "The program.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The program's arguments (after --).")
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        String name = out.getFileName().toString();
        if (!name.endsWith(".svg") && !name.endsWith(".html")) {
            throw new CommandLine.ParameterException(cl, "--out must name a .svg or .html file");
        }
        long[] span = parseWindow(cl);
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            cl.getErr().println("interlock: can't open file '" + file.toAbsolutePath() + "': [Errno 2] No such file or directory");
            cl.getErr().flush();
            return InterlockCommand.USAGE;
        }
        PluginRegistry.Selection selection = runtime.select(cl, InterlockCommand.of(spec).plugins());
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        Path dir = file.toAbsolutePath().getParent();
        InterpreterConfig config = new InterpreterConfig(selection.strategy().name(), selection.memory().name(),
                selection.options(), argv, dir, System.out, System.err, false, runtime.allowUnsafe);
        TraceRecorder recorder = new TraceRecorder(buffer);
        Interpreter interpreter = PluginRegistry.create(selection, config, recorder);
        int status = interpreter.runMain(source, file.toAbsolutePath().normalize().toString());
        Timeline timeline = Timeline.of(recorder);
        long interval = selection.strategy().serializesBytecode() ? interpreter.switches().switchIntervalNanos() : 0;
        String title = file.getFileName() + " under --lock " + selection.strategy().name() + " --memory "
                + selection.memory().name() + String.format(Locale.ROOT, " (%.1f ms, %d threads)", timeline.end() / 1e6,
                        timeline.lanes().size());
        String svg = TimelineSvg.svg(timeline, new TimelineSvg.Options(span[0], span[1], interval, title));
        Files.writeString(out, name.endsWith(".svg") ? svg : html(timeline, svg, title, interpreter), StandardCharsets.UTF_8);
        System.out.flush();
        cl.getErr().println("interlock trace: " + recorder.events().size() + " events" + (recorder.dropped() > 0
                ? " (" + recorder.dropped() + " dropped: raise --buffer)" : "") + "; wrote " + out);
        cl.getErr().flush();
        return status;
    }

    private long[] parseWindow(CommandLine cl) {
        if (window == null) {
            return new long[] {0, 0};
        }
        String[] p = window.split(":");
        try {
            long a = (long) (Double.parseDouble(p[0]) * 1e9);
            long b = (long) (Double.parseDouble(p[1]) * 1e9);
            if (p.length != 2 || a < 0 || b <= a) {
                throw new NumberFormatException();
            }
            return new long[] {a, b};
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(cl, "--window must be START:END in seconds, START < END: " + window);
        }
    }

    private static String html(Timeline t, String svg, String title, Interpreter interpreter) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;color:#1b1b1b}")
                .append("table{border-collapse:collapse;font-size:0.9em;margin-top:1em}th,td{border:1px solid #bbb;padding:4px 8px}")
                .append("th{background:#eee;text-align:left}td.num{text-align:right}</style>\n</head>\n<body>\n")
                .append(svg)
                .append("<table class=\"summary\">\n<thead><tr><th>thread</th>");
        Activity[] shown = {Activity.RUNNING, Activity.WAITING_GIL, Activity.WAITING_LOCK, Activity.DETACHED};
        for (Activity a : shown) {
            b.append("<th>").append(a.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" (ms)</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Timeline.Lane lane : t.lanes()) {
            b.append("<tr><td>").append(Html.escape(lane.name())).append("</td>");
            for (Activity a : shown) {
                b.append(String.format(Locale.ROOT, "<td class=\"num\">%.1f</td>", lane.total(a) / 1e6));
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n<p>Strategy counters: ");
        for (Map.Entry<String, Long> e : interpreter.strategy().statistics().entrySet()) {
            b.append(Html.escape(e.getKey())).append(" = ").append(e.getValue()).append("; ");
        }
        b.append("</p>\n</body>\n</html>\n");
        return b.toString();
    }
}
