package org.proxyscope.core.model;

import java.util.Locale;

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
        for (CustodyAction a : values()) {
            if (a != UNKNOWN && a.word().equals(word)) {
                return a;
            }
        }
        return UNKNOWN;
    }
}
