package org.proxyscope.core.model;

import java.util.List;
import java.util.Optional;

/**
 * What an analyst fills in to open a case. {@link #of} validates each field and says which one is wrong.
 */
public record NewCase(String title, Host target, Scope scope, String customerReference, Severity severity,
        List<String> tags) {

    public NewCase {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Give the case a title, e.g. \"Open SOCKS proxy on a customer line\"");
        }
        title = title.strip();
        customerReference = customerReference == null ? "" : customerReference.strip();
        tags = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().sorted().toList();
        for (String tag : tags) {
            if (!tag.matches("[\\p{L}\\p{N}._:/-]{1,40}")) {
                throw new IllegalArgumentException("The tag \"" + tag + "\" may hold letters, digits and . _ : / - only");
            }
        }
    }

    /** Parses the texts an analyst typed; an empty scope means the target itself, every port. */
    public static NewCase of(String title, String target, String scope, String customerReference, String severity,
            List<String> tags) {
        Host host = Host.parse(target);
        Scope parsedScope = scope == null || scope.isBlank() ? Scope.targetOnly(host) : Scope.parse(scope);
        Severity parsedSeverity = severity == null || severity.isBlank() ? Severity.MEDIUM : Severity.parse(severity);
        return new NewCase(title, host, parsedScope, customerReference, parsedSeverity, tags);
    }

    /**
     * What to tell the analyst when the scope leaves out the target: allowed (probing not, or no longer,
     * authorised), but more often a slip of the keyboard.
     */
    public Optional<String> scopeWarning() {
        return scope.entries().stream().anyMatch(e -> e.host().equals(target)) ? Optional.empty()
                : Optional.of("The scope names none of the target's ports, so " + target + " cannot be probed. Add it if probing it"
                        + " is authorised.");
    }
}
