package org.proxyscope.core.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A file added to a case as evidence. The stored copy is named by its SHA-256 and read-only; the original
 * name and path are kept as the analyst's record of where it came from.
 *
 * @param number   the evidence number within the case, 1, 2, 3 ...
 * @param storedAs path of the stored copy, relative to the workspace
 * @param purged   when the stored copy was deliberately removed; the record and its hash stay
 */
public record Evidence(CaseId caseId, int number, String sha256, long size, String originalName, String originalPath,
        String source, String addedBy, Instant added, String storedAs, Optional<Instant> purged, String purgeReason) {

    public boolean isPurged() {
        return purged.isPresent();
    }
}
