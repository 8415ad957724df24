package dev.interlock.api;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code -X key=value} options given for one run, as an immutable map with the parsing
 * helpers strategies need. Unknown keys are rejected by {@link #requireOnly}, so a misspelt
 * option is a usage error rather than silently ignored.
 */
public final class StrategyOptions {

    private final Map<String, String> values;

    private StrategyOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** No options. */
    public static StrategyOptions empty() {
        return new StrategyOptions(Map.of());
    }

    /** Options from a map of keys to values. */
    public static StrategyOptions of(Map<String, String> values) {
        return new StrategyOptions(requireNonNull(values, "values is null"));
    }

    /**
     * Parses {@code key=value} items as the command line receives them.
     *
     * @throws InvalidOptionException for an item without {@code =} or with an empty key
     */
    public static StrategyOptions parse(Collection<String> items) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new InvalidOptionException("invalid -X option '" + item + "' (expected key=value)");
            }
            map.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return new StrategyOptions(map);
    }

    /** All options as given. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The keys given. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The raw value of an option. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * A positive number of seconds.
     *
     * @throws InvalidOptionException if the value is not a strictly positive number
     */
    public Optional<Double> positiveSeconds(String key) {
        return get(key).map(v -> {
            try {
                double d = Double.parseDouble(v);
                if (d > 0 && !Double.isInfinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new InvalidOptionException(key, v, "a positive number of seconds");
        });
    }

    /**
     * A positive integer.
     *
     * @throws InvalidOptionException if the value is not a strictly positive integer
     */
    public Optional<Integer> positiveInt(String key) {
        return get(key).map(v -> {
            try {
                int i = Integer.parseInt(v);
                if (i > 0) {
                    return i;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new InvalidOptionException(key, v, "a positive integer");
        });
    }

    /**
     * Rejects any key that is not among {@code known}.
     *
     * @param owner who is checking, for the message (a strategy name)
     * @throws InvalidOptionException naming the first unknown key and the known ones
     */
    public void requireOnly(String owner, Collection<OptionSpec> known) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec spec : known) {
            names.add(spec.key());
        }
        for (String key : values.keySet()) {
            if (!names.contains(key)) {
                String accepted = names.isEmpty() ? "it accepts no -X options" : "it accepts: " + String.join(", ", names);
                throw new InvalidOptionException("unknown option -X " + key + " for strategy '" + owner + "' (" + accepted + ")");
            }
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
