package dev.interlock.api;

import static java.util.Objects.requireNonNull;

/**
 * One {@code -X key=value} option a strategy accepts.
 *
 * @param key the option name, such as {@code switchinterval}
 * @param valueHint what the value looks like, such as {@code SECONDS}
 * @param description one line for {@code interlock strategies}
 * @param defaultValue the value when the option is absent, as the user would write it
 */
public record OptionSpec(String key, String valueHint, String description, String defaultValue) {

    /** Checks that no component is null. */
    public OptionSpec {
        requireNonNull(key, "key is null");
        requireNonNull(valueHint, "valueHint is null");
        requireNonNull(description, "description is null");
        requireNonNull(defaultValue, "defaultValue is null");
    }
}
