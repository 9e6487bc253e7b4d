package org.proxyscope.core.model;

import java.time.Instant;

/**
 * One line of a case's custody log. {@code hash} is the SHA-256 of this entry's fields and of
 * {@code previousHash}, so changing or removing any entry breaks the chain from there on.
 */
public record CustodyEntry(CaseId caseId, int sequence, Instant at, String analyst, CustodyAction action,
        String details, String previousHash, String hash) {
}
