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

    /** One sentence for the analyst, e.g. "PX-2026-0001 is intact: 2 evidence files match their SHA-256, ...". */
    public String summary() {
        return intact()
                ? caseId + " is intact: " + count(evidenceChecked, "evidence file matches its", "evidence files match their")
                        + " recorded SHA-256, and " + count(custodyEntriesChecked, "custody entry forms", "custody entries form")
                        + " an unbroken chain"
                : caseId + " is NOT intact (" + count(problems.size(), "problem", "problems") + ")";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
