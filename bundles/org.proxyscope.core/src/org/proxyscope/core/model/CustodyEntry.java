package org.proxyscope.core.model;

import java.time.Instant;

/**
 * One line of a case's custody log. {@code hash} is the SHA-256 of this entry's fields and of
 * {@code previousHash}, so changing or removing any entry breaks the chain from there on. {@code actionWord} is the
 * action as the log holds it: an action this build does not know is {@link CustodyAction#UNKNOWN}, and its word is
 * still shown and hashed.
 */
public record CustodyEntry(CaseId caseId, int sequence, Instant at, String analyst, CustodyAction action,
        String actionWord, String details, String previousHash, String hash) {

    /** An entry of an action this build knows. */
    public CustodyEntry(CaseId caseId, int sequence, Instant at, String analyst, CustodyAction action, String details,
            String previousHash, String hash) {
        this(caseId, sequence, at, analyst, action, action.word(), details, previousHash, hash);
    }
}
