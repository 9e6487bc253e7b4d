package org.proxyscope.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into options ({@code --name value}, {@code --flag}) and positional words, checked
 * against what the command accepts so a typo is a usage error rather than silently ignored.
 */
public final class Arguments {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param valued options that take a value, e.g. {@code --title}
     * @param flagged options that take none, e.g. {@code --json}
     */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> flagged) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (flagged.contains(name) && value == null) {
                    parsed.flags.add(name);
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option " + name);
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public String required(String name) throws UsageException {
        return option(name).filter(v -> !v.isBlank()).orElseThrow(() -> new UsageException(name + " is required"));
    }

    /** Exactly {@code count} positional words, named in the message when some are missing or extra. */
    public List<String> positional(String... names) throws UsageException {
        if (positional.size() < names.length) {
            throw new UsageException("missing " + names[positional.size()]);
        }
        if (positional.size() > names.length) {
            throw new UsageException("unexpected argument '" + positional.get(names.length) + "'");
        }
        return List.copyOf(positional);
    }

    /** The positional words, at least as many as {@code names}, the last of which may repeat. */
    public List<String> positionalAtLeast(String... names) throws UsageException {
        if (positional.size() < names.length) {
            throw new UsageException("missing " + names[positional.size()]);
        }
        return List.copyOf(positional);
    }
}
