package dev.interlock.api;

/**
 * A strategy or memory-manager option that is unknown or has a bad value: a usage error, which
 * the command line reports with exit status 2.
 */
public class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the complete message, shown to the user as is */
    public InvalidOptionException(String message) {
        super(message);
    }

    /** A bad value for a known option. */
    public InvalidOptionException(String key, String value, String expected) {
        super("invalid value for -X " + key + ": '" + value + "' (expected " + expected + ")");
    }
}
