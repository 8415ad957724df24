package dev.interlock.cli;

import picocli.CommandLine;

/** {@code interlock --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"interlock " + version() + " (Python 3.11 language, Java " + Runtime.version().feature() + ")"};
    }

    /** The version from the jar's manifest, or "development" when running from classes. */
    static String version() {
        String v = InterlockCommand.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
