package org.proxyscope.core.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The kinds of action recorded in a case's custody log. {@code CHECK_RUN} is a plug-in's check that asks others
 * about the case's target without sending it anything (a DNS blocklist lookup). {@code UNKNOWN} is an action this build
 * does not know, written by a later version into a log that several versions share (a team workspace); it is never
 * written.
 */
public enum CustodyAction {
    CASE_CREATED, CASE_UPDATED, STATUS_CHANGED, CASE_ARCHIVED, CASE_RESTORED, EVIDENCE_ADDED, EVIDENCE_PURGED,
    EVIDENCE_EXPORTED, PROBE_RUN, CAPTURE_IMPORTED, CAPTURE_REANALYSED, NOTE_EDITED, REPORT_EXPORTED, CASE_VERIFIED, CHECK_RUN,
    UNKNOWN;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action {@code word} names, or {@link #UNKNOWN}: one unknown entry must not hide the rest of the log. */
    public static CustodyAction parse(String word) {
        CustodyAction a = BY_WORD.get(word);
        return a == null ? UNKNOWN : a;
    }

    private static final Map<String, CustodyAction> BY_WORD = new HashMap<>();

    static {
        for (CustodyAction a : values()) {
            if (a != UNKNOWN) {
                BY_WORD.put(a.word(), a);
            }
        }
    }
}
