package dev.interlock.cli;

import picocli.CommandLine;

/** {@code interlock --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = InterlockCommand.class.getPackage().getImplementationVersion();
        return new String[] {"interlock " + (v == null ? "development" : v) + " (Python 3.11 language, Java "
                + Runtime.version().feature() + ")"};
    }
}
