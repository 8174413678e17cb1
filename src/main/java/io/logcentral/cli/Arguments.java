package io.logcentral.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code --name value}, {@code --name=value} and bare flags, checked against the options a command knows. */
final class Arguments {

    private final String command;
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments(String command) {
        this.command = command;
    }

    /**
     * @param valued options that take a value
     * @param flags options that take none
     */
    static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        Arguments parsed = new Arguments(command);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                parsed.positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (flags.contains(name) && equals < 0) {
                parsed.options.put(name, "true");
            } else if (valued.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                parsed.options.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name + " for " + command);
            }
        }
        return parsed;
    }

    List<String> positional() {
        return positional;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String value(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** One of {@code choices}, else a usage error listing them. */
    String choice(String name, String fallback, List<String> choices) {
        String value = value(name, fallback);
        if (!choices.contains(value)) {
            throw new UsageException(
                    "--" + name + " must be one of " + String.join(", ", choices) + ", not '" + value + "'");
        }
        return value;
    }

    long wholeNumber(String name, long fallback, long min, long max) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    double seconds(String name, double fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number of seconds, not '" + text + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UsageException("--" + name + " must be 0 or more seconds, not '" + text + "'");
        }
        return value;
    }

    /** The option, else the environment variable, else a usage error naming both. */
    String required(String name, Map<String, String> env, String variable) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        if (value == null || value.isBlank()) {
            throw new UsageException(command + " needs --" + name + " (or the environment variable " + variable + ")");
        }
        return value;
    }

    @Nullable
    String orEnv(String name, Map<String, String> env, String variable) {
        String value = options.get(name);
        return value != null ? value : env.get(variable);
    }
}
