package org.proxyscope.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;

/**
 * What a section may read while the report is made: the workspace, the case as it stands, its evidence
 * and custody log as read once at the start (so every section describes the same moment), when the report
 * is generated, and, once every section was asked, their contributions to the summary.
 *
 * @param reads what sections read from the workspace for this report, kept for the sections that ask again
 *              ({@link #once})
 */
public record ReportContext(Workspace workspace, Case subject, List<Evidence> evidence, List<CustodyEntry> custody,
        Instant generated, List<Contribution> contributions, Map<String, Object> reads) {

    public ReportContext {
        evidence = List.copyOf(evidence);
        custody = List.copyOf(custody);
        contributions = List.copyOf(contributions);
    }

    /** The case at the moment {@code generated}, before any section has spoken. */
    public ReportContext(Workspace workspace, Case subject, List<Evidence> evidence, List<CustodyEntry> custody, Instant generated) {
        this(workspace, subject, evidence, custody, generated, List.of(), new ConcurrentHashMap<>());
    }

    /** The same moment, with the sections' contributions; what was read stays read. */
    public ReportContext with(List<Contribution> gathered) {
        return new ReportContext(workspace, subject, evidence, custody, generated, gathered, reads);
    }

    /** Reads what a section needs from the workspace. */
    @FunctionalInterface
    public interface Read<T> {
        T read() throws WorkspaceException;
    }

    /**
     * What {@code read} returns, read once per report: a section is asked for its contribution, whether it has
     * content and its body, and another (the timeline) may need the same records.
     *
     * @param key names what is read, e.g. {@code org.proxyscope.capture.imports}
     */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Read<T> read) throws WorkspaceException {
        Object kept = reads.get(key);
        if (kept == null) {
            kept = read.read();
            reads.put(key, kept);
        }
        return (T) kept;
    }

    /** The strongest standing any section's evidence supports. */
    public Contribution.Standing standing() {
        return contributions.stream().map(Contribution::standing).max(Enum::compareTo).orElse(Contribution.Standing.NO_RELAY);
    }

    /** The verdict in one line, from the strongest standing the evidence supports: the report's cover says it. */
    public String verdict() {
        Contribution.Standing standing = standing();
        List<String> lines = contributions.stream().filter(x -> x.standing() == standing).map(Contribution::verdict).toList();
        if (lines.isEmpty()) {
            return "No probe run or capture analysis is kept in this case yet: no verdict.";
        }
        return String.join(" ", lines);
    }

    /**
     * The verdict, then when relaying was seen: how the executive summary, the Case Report view, the Case Overview and
     * the {@code verdict} command say it.
     */
    public String verdictAndWhen() {
        return verdict() + relayingSeen().map(seen -> " " + seen).orElse("");
    }

    /** When relaying was seen, as a sentence ("Relaying was seen from ... to ..."); empty when no evidence shows it. */
    public Optional<String> relayingSeen() {
        return firstSeen().map(first -> ReportTime.relayingSeen(first, lastSeen().orElse(first)));
    }

    /** The earliest relaying any section's evidence shows. */
    public Optional<Instant> firstSeen() {
        return contributions.stream().flatMap(x -> x.firstSeen().stream()).min(Instant::compareTo);
    }

    /** The latest relaying any section's evidence shows. */
    public Optional<Instant> lastSeen() {
        return contributions.stream().flatMap(x -> x.lastSeen().stream()).max(Instant::compareTo);
    }
}
