package org.proxyscope.core.model;

import java.util.Locale;

/** How urgent a case is: a host that relays spam now, and gets the ISP blocklisted, is high. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a severity; use low, medium, high or critical");
        }
    }
}
