package org.proxyscope.core.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an investigation stands. The workflow runs New, Investigating, Customer notified, Resolved, Closed;
 * a resolved or closed case can be reopened (back to Investigating) when the host relays again.
 */
public enum CaseStatus {
    NEW("New"),
    INVESTIGATING("Investigating"),
    CUSTOMER_NOTIFIED("Customer notified"),
    RESOLVED("Resolved"),
    CLOSED("Closed");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(INVESTIGATING, CLOSED);
            case INVESTIGATING -> EnumSet.of(CUSTOMER_NOTIFIED, RESOLVED, CLOSED);
            case CUSTOMER_NOTIFIED -> EnumSet.of(INVESTIGATING, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, INVESTIGATING);
            case CLOSED -> EnumSet.of(INVESTIGATING);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** The word used on the command line and in JSON: {@code customer-notified}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a command-line word or a label, e.g. {@code customer-notified} or {@code Customer notified}. */
    public static CaseStatus parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (CaseStatus status : values()) {
            if (status.word().equals(key)) {
                return status;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a case status; use one of "
                + String.join(", ", java.util.Arrays.stream(values()).map(CaseStatus::word).toList()));
    }
}
