package org.proxyscope.core.model;

import java.time.Instant;

/**
 * A file added to a case as evidence. The stored copy is named by its SHA-256 and read-only; the original
 * name and path are kept as the analyst's record of where it came from.
 *
 * @param number   the evidence number within the case, 1, 2, 3 ...
 * @param storedAs path of the stored copy, relative to the workspace
 */
public record Evidence(CaseId caseId, int number, String sha256, long size, String originalName, String originalPath,
        String source, String addedBy, Instant added, String storedAs) {
}
