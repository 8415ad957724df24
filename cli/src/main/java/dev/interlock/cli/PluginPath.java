package dev.interlock.cli;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.runtime.PluginRegistry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where third-party plug-ins are, besides the class path: the jars named by
 * {@code --plugin-path} or, when that option is absent, by the {@code INTERLOCK_PLUGIN_PATH}
 * environment variable. Both are lists separated by the platform's path separator ({@code :} on
 * Unix); a directory stands for every {@code *.jar} in it, in name order.
 *
 * <p>The plug-ins are found with {@link java.util.ServiceLoader} in a {@link URLClassLoader} over
 * the jars whose parent is the command's own class loader, so a strategy jar needs only the
 * Interlock artifacts it was compiled against, which the command provides. The commands that
 * start child JVMs ({@code compare}, {@code bench scaling}) pass the same jars on to them with
 * {@link #asArguments()}.
 */
final class PluginPath {

    /** The environment variable read when {@code --plugin-path} is not given. */
    static final String ENVIRONMENT_VARIABLE = "INTERLOCK_PLUGIN_PATH";

    private final List<Path> jars;

    private PluginPath(List<Path> jars) {
        this.jars = List.copyOf(jars);
    }

    /** No plug-ins besides the class path. */
    static PluginPath none() {
        return new PluginPath(List.of());
    }

    /**
     * The jars a path list names.
     *
     * @throws IllegalArgumentException naming an entry that is neither a directory nor a file
     */
    static PluginPath parse(String list) {
        requireNonNull(list, "list is null");
        List<Path> jars = new ArrayList<>();
        for (String entry : list.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted()
                            .forEach(jars::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list plug-in directory " + p, e);
                }
            } else if (Files.isRegularFile(p)) {
                jars.add(p);
            } else {
                throw new IllegalArgumentException("plug-in path entry not found: " + entry);
            }
        }
        return new PluginPath(jars);
    }

    /** The option's value if given, else the environment variable's, else none. */
    static PluginPath choose(String option, String environment) {
        if (option != null) {
            return parse(option);
        }
        return environment == null || environment.isBlank() ? none() : parse(environment);
    }

    /** The jars, absolute, in order. */
    List<Path> jars() {
        return jars;
    }

    /** A class loader that sees the jars and, through {@code parent}, the class path. */
    ClassLoader classLoader(ClassLoader parent) {
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad plug-in jar " + jars.get(i), e);
            }
        }
        return new URLClassLoader("interlock-plugins", urls, parent);
    }

    /** The plug-ins on the class path and in the jars. */
    PluginRegistry registry() {
        return PluginRegistry.load(classLoader(PluginPath.class.getClassLoader()));
    }

    /** The options that give a child {@code interlock} the same jars: none, or {@code --plugin-path LIST}. */
    List<String> asArguments() {
        if (jars.isEmpty()) {
            return List.of();
        }
        return List.of("--plugin-path", String.join(File.pathSeparator, jars.stream().map(Path::toString).toList()));
    }
}
