package org.proxyscope.core;

import org.proxyscope.core.model.CaseId;

/**
 * What a case's evidence shows, in one line, as its report would say it. The report plug-in registers it as an OSGi
 * service; the Case Overview shows its answer where that plug-in is installed, and leaves the line out where not.
 */
public interface CaseVerdicts {

    /**
     * A case's verdict.
     *
     * @param relays whether the evidence proves that the host relays (the line then says how and since when)
     * @param line   the verdict in the words of the report's cover, then when relaying was seen
     */
    record Verdict(boolean relays, String line) {
    }

    /** Reads what the case keeps and writes nothing to it; may take a while on a case with a big capture. */
    Verdict of(Workspace workspace, CaseId id) throws WorkspaceException;
}
