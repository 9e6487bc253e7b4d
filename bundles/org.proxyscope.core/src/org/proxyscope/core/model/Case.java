package org.proxyscope.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One investigation of one suspected host, as stored in the workspace.
 *
 * @param customerReference the ISP's customer or ticket reference, empty when none was given
 * @param archived          whether the case was deleted by the analyst; archived cases keep all evidence
 */
public record Case(CaseId id, String title, Host target, Scope scope, String customerReference, String analyst,
        Severity severity, List<String> tags, CaseStatus status, boolean archived, Instant created, Instant updated) {

    public Case {
        tags = List.copyOf(tags);
    }

    public Optional<String> customer() {
        return customerReference.isEmpty() ? Optional.empty() : Optional.of(customerReference);
    }
}
