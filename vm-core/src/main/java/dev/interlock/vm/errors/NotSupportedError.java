package dev.interlock.vm.errors;

/**
 * A Python feature outside the subset Interlock supports. It names the feature and is not a
 * Python exception: no {@code except} clause can swallow it, so an unsupported program fails
 * loudly instead of running differently. The command line prints it after the Python traceback
 * as {@code NotSupportedError: <feature> is not supported by Interlock} and exits with status 1.
 */
public final class NotSupportedError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String feature;
    private final transient java.util.List<String[]> frames = new java.util.ArrayList<>();

    /** @param feature what is unsupported, as the user would name it (e.g. {@code "async def"}) */
    public NotSupportedError(String feature) {
        super(feature + " is not supported by Interlock", null, false, false);
        this.feature = feature;
    }

    /** The unsupported feature. */
    public String feature() {
        return feature;
    }

    /** Records a Python frame the error passed through while unwinding (innermost first). */
    public void addFrame(String filename, int line, String function) {
        frames.add(new String[] {filename, Integer.toString(line), function});
    }

    /** The frames recorded, innermost first: file, line, function. */
    public java.util.List<String[]> frames() {
        return java.util.Collections.unmodifiableList(frames);
    }
}
