package org.proxyscope.core.ui.internal;

import java.util.List;

import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;

/** The nodes under a case in the Case Explorer. */
sealed interface CaseTree {

    Case owner();

    /** "Evidence (3)": the files added to the case. */
    record EvidenceFolder(Case owner, List<Evidence> items) implements CaseTree {
    }

    /** "Custody log (12)": every action on the case. */
    record CustodyFolder(Case owner, List<CustodyEntry> items) implements CaseTree {
    }
}
