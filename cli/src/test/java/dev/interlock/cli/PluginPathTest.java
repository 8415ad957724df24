package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import dev.interlock.api.StrategyPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strategy that is on no class path of the command, only in a jar named by {@code --plugin-path}
 * or {@code INTERLOCK_PLUGIN_PATH}. The jar is compiled and packed here, from source, so that its
 * classes cannot be found any other way: its plug-in is called {@code dropin} and reuses the GIL's
 * Guice module, which the command provides.
 */
@DisplayName("Plug-ins from --plugin-path")
class PluginPathTest {

    private static final String PLUGIN_SOURCE = String.join("\n",
            "package test.dropin;",
            "public final class DropinPlugin implements dev.interlock.api.StrategyPlugin {",
            "    public String name() { return \"dropin\"; }",
            "    public String description() { return \"a strategy from a dropped-in jar\"; }",
            "    public String defaultMemoryManager() { return \"plain\"; }",
            "    public boolean serializesBytecode() { return true; }",
            "    public java.util.List<dev.interlock.api.OptionSpec> options() { return java.util.List.of(); }",
            "    public com.google.inject.Module module() { return new dev.interlock.lock.gil.GilModule(); }",
            "}",
            "");

    @TempDir
    static Path pluginDir;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    /** Compiles the plug-in and packs it, with its service entry, into {@code pluginDir/dropin.jar}. */
    @BeforeAll
    static void buildPluginJar() throws IOException, URISyntaxException, ClassNotFoundException {
        Path src = Files.createDirectories(pluginDir.resolve("src/test/dropin"));
        Path classes = Files.createDirectories(pluginDir.resolve("classes"));
        Files.writeString(src.resolve("DropinPlugin.java"), PLUGIN_SOURCE, StandardCharsets.UTF_8);
        String classPath = String.join(java.io.File.pathSeparator, location(StrategyPlugin.class), location(Module.class),
                // lock-gil is a runtime dependency of the command: on the test class path, not the compiler's
                location(Class.forName("dev.interlock.lock.gil.GilModule")));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath,
                src.resolve("DropinPlugin.java").toString());
        assertThat(status).as("javac status").isZero();
        Path jar = Files.createDirectories(pluginDir.resolve("plugins")).resolve("dropin.jar");
        try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(jar))) {
            jarOut.putNextEntry(new JarEntry("META-INF/services/dev.interlock.api.StrategyPlugin"));
            jarOut.write("test.dropin.DropinPlugin\n".getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
            jarOut.putNextEntry(new JarEntry("test/dropin/DropinPlugin.class"));
            Files.copy(classes.resolve("test/dropin/DropinPlugin.class"), jarOut);
            jarOut.closeEntry();
        }
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String out() {
        System.out.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        System.err.flush();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("without the option the plug-in is not there")
    void absentWithoutOption() {
        assertThat(Main.run("strategies")).isZero();
        assertThat(out()).contains("gil").doesNotContain("dropin");
    }

    @Test
    @DisplayName("a directory on --plugin-path: its jar's strategy is listed by 'strategies'")
    void directoryListed() {
        int status = Main.run("--plugin-path", pluginDir.resolve("plugins").toString(), "strategies");
        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).contains("  gil ").contains("  dropin       a strategy from a dropped-in jar");
    }

    @Test
    @DisplayName("a jar on --plugin-path: 'run --lock' runs a program under its strategy")
    void jarRuns() {
        int status = Main.run("--plugin-path", pluginDir.resolve("plugins/dropin.jar").toString(), "run", "--lock", "dropin",
                "-c", "import threading\nprint(sum(range(10)), threading.active_count())");
        assertThat(err()).isEmpty();
        assertThat(out()).isEqualTo("45 1\n");
        assertThat(status).isZero();
    }

    @Test
    @DisplayName("an entry that does not exist is a usage error (status 2) naming it")
    void missingEntry() {
        int status = Main.run("--plugin-path", pluginDir.resolve("nowhere").toString(), "strategies");
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("plug-in path entry not found:").contains("nowhere").doesNotContain("at dev.interlock");
    }

    @Test
    @DisplayName("the environment variable's list is read when the option is absent; the option wins over it")
    void environmentVariable() {
        String plugins = pluginDir.resolve("plugins").toString();
        assertThat(PluginPath.choose(null, plugins).jars()).containsExactly(pluginDir.resolve("plugins/dropin.jar"));
        assertThat(PluginPath.choose(null, "  ").jars()).isEmpty();
        assertThat(PluginPath.choose(null, null).jars()).isEmpty();
        assertThat(PluginPath.choose("", plugins).jars()).isEmpty();
        assertThat(PluginPath.choose(null, plugins).asArguments())
                .containsExactly("--plugin-path", pluginDir.resolve("plugins/dropin.jar").toString());
        assertThat(PluginPath.none().asArguments()).isEmpty();
    }

    @Test
    @DisplayName("a directory stands for its jars in name order, and nothing else in it")
    void directoryJarsInOrder() throws IOException {
        Path d = Files.createDirectories(pluginDir.resolve("several"));
        for (String name : List.of("b.jar", "a.jar", "notes.txt")) {
            try (OutputStream o = Files.newOutputStream(d.resolve(name))) {
                o.write(0);
            }
        }
        assertThat(PluginPath.parse(d.toString()).jars()).containsExactly(d.resolve("a.jar"), d.resolve("b.jar"));
    }
}
