package dev.interlock.api;

/**
 * Where the eval loop polls the eval breaker, and therefore where a thread can be asked to give
 * up the interpreter.
 */
public enum CheckPoints {

    /**
     * At backward jumps, on entry to a Python function and after each call: CPython 3.10 and
     * later (gh-18334). A simple statement such as {@code n += 1} is never interrupted halfway.
     */
    CALLS_AND_BACKWARD_JUMPS("calls"),

    /** After every instruction: CPython before 3.10, where {@code n += 1} can be torn. */
    EVERY_INSTRUCTION("instruction"),

    /**
     * Every {@code checkinterval} instructions ({@code sys.setcheckinterval}, default 100): the
     * "ticks" of Python 2.
     */
    TICKS("ticks");

    private final String optionValue;

    CheckPoints(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value of the {@code -X check=} option that selects this mode. */
    public String optionValue() {
        return optionValue;
    }

    /** The mode selected by a {@code -X check=} value. */
    public static CheckPoints fromOption(String value) {
        for (CheckPoints mode : values()) {
            if (mode.optionValue.equals(value)) {
                return mode;
            }
        }
        throw new InvalidOptionException("check", value, "calls, instruction or ticks");
    }
}
