package org.proxyscope.core.model;

/**
 * One place a workspace search found its words.
 *
 * @param kind    what was found: {@code case}, {@code evidence}, {@code note}, {@code finding}, {@code session},
 *                {@code socket} (a netstat listing's socket on a proxy port), or a kind a plug-in indexes
 * @param ref     which one within the case, in the kind's own terms: an evidence or note number, "run/position"
 *                of a probe finding, "evidence/flow" of a capture session, "evidence/position" of a listed socket;
 *                empty for the case itself
 * @param title   a name for it
 * @param snippet the matching text around the words, the matches between « and »
 */
public record SearchHit(CaseId caseId, String kind, String ref, String title, String snippet) {

    /** Where in its case this is, as an analyst says it: "note 2", "probe finding 1/4", "capture session 2/812". */
    public String place() {
        return place(kind, ref);
    }

    /** How {@link #place()} names one thing of a case by its kind and ref. */
    public static String place(String kind, String ref) {
        return switch (kind) {
            case "case" -> "the case itself";
            case "evidence" -> "evidence #" + ref;
            case "note" -> "note " + ref;
            case "finding" -> "probe finding " + ref;
            case "session" -> "capture session " + ref;
            case "socket" -> "listed socket " + ref;
            default -> kind + " " + ref;
        };
    }
}
