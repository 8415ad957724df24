package dev.interlock.cli;

import picocli.CommandLine;

/** The {@code interlock} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
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
