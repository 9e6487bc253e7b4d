package org.proxyscope.notes;

import java.time.Instant;
import java.util.List;

import org.proxyscope.core.model.CaseId;

/**
 * An analyst's note on a case, as its latest version says it.
 *
 * @param number      the note's number within its case, from 1
 * @param text        Markdown
 * @param forReport   whether the note goes into the case report, at {@code reportOrder} among those that do
 * @param version     the latest version's number; every save is a version
 */
public record Note(CaseId caseId, int number, String title, String text, List<String> tags, boolean forReport, int reportOrder,
        int version, Instant created, String createdBy, Instant updated, String updatedBy) {

    public Note {
        tags = List.copyOf(tags);
    }
}
