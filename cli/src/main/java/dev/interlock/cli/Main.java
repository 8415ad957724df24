package dev.interlock.cli;

import picocli.CommandLine;

/** The {@code interlock} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Interlock uses no Guice AOP. Without generated classes Guice never reaches for
        // sun.misc.Unsafe, which JDK 24+ reports with warnings on stderr. The command owns its
        // process, so it may set this; embedders choose for themselves.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        int status = run(args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs the command line and returns the exit status, without exiting (for tests). */
    public static int run(String... args) {
        return InterlockCommand.commandLine().execute(args);
    }
}
