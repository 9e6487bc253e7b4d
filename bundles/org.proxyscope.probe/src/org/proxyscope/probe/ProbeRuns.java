package org.proxyscope.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.core.store.CaseTransaction;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.StoreSchema;
import org.proxyscope.core.store.WorkspaceStore;

/**
 * The probe runs a case keeps, in the workspace database: all SQL of the probe plug-in. A run and its custody
 * entry commit together; the report and the Probing perspective read runs from here, never from a rerun.
 */
public final class ProbeRuns {

    /** How much of what was sent and received a finding keeps beside its full transcript (evidence). */
    public static final int EXCERPT_BYTES = 600;

    static final StoreSchema SCHEMA = new StoreSchema("org.proxyscope.probe", List.of(new Migration(1, List.of("""
            CREATE TABLE probe_runs (
                case_id    TEXT NOT NULL REFERENCES cases(case_id),
                run_no     INTEGER NOT NULL,
                host       TEXT NOT NULL,
                started_at TEXT NOT NULL,
                elapsed_ms INTEGER NOT NULL,
                analyst    TEXT NOT NULL,
                verdict    TEXT NOT NULL,
                canary     TEXT NOT NULL,
                PRIMARY KEY (case_id, run_no))""", """
            CREATE TABLE probe_findings (
                case_id      TEXT NOT NULL,
                run_no       INTEGER NOT NULL,
                position     INTEGER NOT NULL,
                port         INTEGER NOT NULL,
                protocol     TEXT NOT NULL,
                verdict      TEXT NOT NULL,
                proof_token  TEXT,
                proof_from   TEXT,
                proof_at     TEXT,
                proof_how    TEXT,
                detail       TEXT NOT NULL,
                sent         TEXT NOT NULL,
                reply        TEXT NOT NULL,
                evidence_no  INTEGER,
                PRIMARY KEY (case_id, run_no, position),
                FOREIGN KEY (case_id, run_no) REFERENCES probe_runs(case_id, run_no))""")),
            // what answered on each port, named from the replies (runs kept before name none)
            new Migration(2, List.of("ALTER TABLE probe_findings ADD COLUMN service TEXT NOT NULL DEFAULT ''")),
            // the scope each run was checked against: the case's may change after it (runs kept before keep none)
            new Migration(3, List.of("ALTER TABLE probe_runs ADD COLUMN scope TEXT NOT NULL DEFAULT ''"))));

    private final WorkspaceStore store;

    private ProbeRuns(WorkspaceStore store) {
        this.store = store;
    }

    /** The probe runs of {@code workspace}; creates their tables on first use. */
    public static ProbeRuns of(Workspace workspace) throws WorkspaceException {
        return new ProbeRuns(workspace.store(SCHEMA));
    }

    /**
     * Keeps a run of {@code report} in the case, with the custody entry that records it.
     *
     * @param canary    where the canary listened, in words
     * @param evidence  for findings whose transcript became evidence, that evidence's number
     */
    public ProbeRun record(CaseId id, ProbeReport report, String canary, Map<Finding, Integer> evidence)
            throws WorkspaceException {
        return store.write(id, "keep the probe run of " + report.host() + " in " + id, tx -> insert(tx, report, canary, evidence));
    }

    private static ProbeRun insert(CaseTransaction tx, ProbeReport report, String canary,
            Map<Finding, Integer> evidence) throws SQLException {
        Connection c = tx.connection();
        int number;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(run_no), 0) + 1 FROM probe_runs WHERE case_id = ?")) {
            s.setString(1, tx.caseId().toString());
            try (ResultSet r = s.executeQuery()) {
                r.next(); // one row: an aggregate
                number = r.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO probe_runs (case_id, run_no, host, started_at, elapsed_ms,"
                + " analyst, verdict, canary, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, tx.caseId().toString());
            s.setInt(2, number);
            s.setString(3, report.host());
            s.setString(4, report.started().toString());
            s.setLong(5, report.elapsed().toMillis());
            s.setString(6, tx.analyst());
            s.setString(7, report.verdict());
            s.setString(8, canary);
            s.setString(9, report.scope().toString());
            s.executeUpdate();
        }
        List<ProbeRun.Recorded> kept = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO probe_findings (case_id, run_no, position, port, protocol,"
                + " verdict, proof_token, proof_from, proof_at, proof_how, detail, sent, reply, evidence_no, service)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Finding f : report.findings()) {
                ProbeRun.Recorded r = new ProbeRun.Recorded(f.port(), f.protocol(), f.verdict(), f.proof(), f.detail(),
                        f.transcript().excerpt(Transcript.Direction.SENT, EXCERPT_BYTES),
                        f.transcript().excerpt(Transcript.Direction.RECEIVED, EXCERPT_BYTES),
                        evidence.containsKey(f) ? OptionalInt.of(evidence.get(f)) : OptionalInt.empty(), f.service());
                s.setString(1, tx.caseId().toString());
                s.setInt(2, number);
                s.setInt(3, ++position);
                s.setInt(4, r.port());
                s.setString(5, r.protocol());
                s.setString(6, r.verdict().word());
                s.setString(7, r.proof().map(CanaryProof::token).orElse(null));
                s.setString(8, r.proof().map(CanaryProof::from).orElse(null));
                s.setString(9, r.proof().map(p -> p.at().toString()).orElse(null));
                s.setString(10, r.proof().map(CanaryProof::how).orElse(null));
                s.setString(11, r.detail());
                s.setString(12, r.sent());
                s.setString(13, r.reply());
                if (r.evidence().isPresent()) {
                    s.setInt(14, r.evidence().getAsInt());
                } else {
                    s.setNull(14, Types.INTEGER);
                }
                s.setString(15, r.service());
                s.addBatch();
                kept.add(r);
            }
            s.executeBatch();
        }
        int position = 0;
        for (ProbeRun.Recorded r : kept) {
            position++;
            if (r.verdict() != Verdict.NO_SERVICE) { // refused ports say nothing worth finding
                tx.index("finding", number + "/" + position, r.protocol() + " on " + report.host() + ":" + r.port() + ", "
                        + r.verdict().word(), r.detail() + " " + r.reply() + r.proof().map(p -> " " + p.token() + " " + p.from()).orElse(""));
            }
        }
        String ports = PortRanges.of(report.findings().stream().map(Finding::port).distinct().toList()).toString();
        long open = report.findings().stream().filter(f -> f.verdict() == Verdict.OPEN).count();
        tx.custody(CustodyAction.PROBE_RUN, "run " + number + ": " + report.host() + " ports " + ports + ": " + report.verdict()
                + ", " + open + (open == 1 ? " open finding" : " open findings") + "; within the scope " + report.scope());
        return new ProbeRun(number, report.host(), report.started(), report.elapsed(), tx.analyst(), report.verdict(), canary,
                report.scope().toString(), kept);
    }

    /** The case's runs, oldest first. */
    public List<ProbeRun> list(CaseId id) throws WorkspaceException {
        return store.read("read the probe runs of " + id, c -> {
            Map<Integer, List<ProbeRun.Recorded>> findings = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT run_no, port, protocol, verdict, proof_token, proof_from,"
                    + " proof_at, proof_how, detail, sent, reply, evidence_no, service FROM probe_findings WHERE case_id = ?"
                    + " ORDER BY run_no, position")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        findings.computeIfAbsent(r.getInt(1), n -> new ArrayList<>()).add(recorded(r));
                    }
                }
            }
            List<ProbeRun> runs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT run_no, host, started_at, elapsed_ms, analyst, verdict, canary,"
                    + " scope FROM probe_runs WHERE case_id = ? ORDER BY run_no")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int number = r.getInt(1);
                        runs.add(new ProbeRun(number, r.getString(2), Instant.parse(r.getString(3)), Duration.ofMillis(r.getLong(4)),
                                r.getString(5), r.getString(6), r.getString(7), r.getString(8), findings.getOrDefault(number, List.of())));
                    }
                }
            }
            return runs;
        });
    }

    private static ProbeRun.Recorded recorded(ResultSet r) throws SQLException {
        String token = r.getString(5);
        Optional<CanaryProof> proof = token == null ? Optional.empty()
                : Optional.of(new CanaryProof(token, r.getString(6), Instant.parse(r.getString(7)), r.getString(8)));
        int number = r.getInt(12);
        OptionalInt evidence = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(number); // wasNull speaks of the last read
        return new ProbeRun.Recorded(r.getInt(2), r.getString(3), Verdict.parse(r.getString(4)), proof, r.getString(9),
                r.getString(10), r.getString(11), evidence, r.getString(13));
    }
}
