package org.proxyscope.core.model;

import java.util.Locale;

/**
 * The kinds of action recorded in a case's custody log. {@code CHECK_RUN} is a plug-in's check that asks others
 * about the case's target without sending it anything (a DNS blocklist lookup).
 */
public enum CustodyAction {
    CASE_CREATED, CASE_UPDATED, STATUS_CHANGED, CASE_ARCHIVED, CASE_RESTORED, EVIDENCE_ADDED, EVIDENCE_PURGED,
    EVIDENCE_EXPORTED, PROBE_RUN, CAPTURE_IMPORTED, CAPTURE_REANALYSED, NOTE_EDITED, REPORT_EXPORTED, CASE_VERIFIED, CHECK_RUN;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CustodyAction parse(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
