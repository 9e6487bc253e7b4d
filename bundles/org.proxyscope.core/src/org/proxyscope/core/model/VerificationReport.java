package org.proxyscope.core.model;

import java.util.List;

/**
 * The result of re-checking a case: every evidence file re-hashed and the custody chain recomputed.
 *
 * @param problems what is wrong, each naming the evidence or custody entry; empty when all is intact
 */
public record VerificationReport(CaseId caseId, int evidenceChecked, int custodyEntriesChecked, List<String> problems) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
