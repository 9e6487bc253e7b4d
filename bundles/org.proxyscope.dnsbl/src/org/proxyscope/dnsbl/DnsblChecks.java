package org.proxyscope.dnsbl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.store.CaseTransaction;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.StoreSchema;
import org.proxyscope.core.store.WorkspaceStore;

/**
 * The DNSBL checks a case keeps, in the workspace database: all SQL of the DNSBL plug-in. A check and its
 * custody entry commit together; the view, the timeline and the report read checks from here.
 */
public final class DnsblChecks {

    static final StoreSchema SCHEMA = new StoreSchema("org.proxyscope.dnsbl", List.of(new Migration(1, List.of("""
            CREATE TABLE dnsbl_checks (
                case_id    TEXT NOT NULL REFERENCES cases(case_id),
                check_no   INTEGER NOT NULL,
                address    TEXT NOT NULL,
                checked_at TEXT NOT NULL,
                resolver   TEXT NOT NULL,
                analyst    TEXT NOT NULL,
                PRIMARY KEY (case_id, check_no))""", """
            CREATE TABLE dnsbl_answers (
                case_id   TEXT NOT NULL,
                check_no  INTEGER NOT NULL,
                position  INTEGER NOT NULL,
                zone      TEXT NOT NULL,
                outcome   TEXT NOT NULL,
                codes     TEXT NOT NULL,
                reason    TEXT NOT NULL,
                took_ms   INTEGER NOT NULL,
                PRIMARY KEY (case_id, check_no, position),
                FOREIGN KEY (case_id, check_no) REFERENCES dnsbl_checks(case_id, check_no))"""))));

    /**
     * A check as the case keeps it.
     *
     * @param number  the check's number within the case, from 1
     * @param analyst who ran it
     */
    public record Check(int number, String analyst, DnsblReport report) {
    }

    private final WorkspaceStore store;

    private DnsblChecks(WorkspaceStore store) {
        this.store = store;
    }

    /** The DNSBL checks of {@code workspace}; creates their tables on first use. */
    public static DnsblChecks of(Workspace workspace) throws WorkspaceException {
        return new DnsblChecks(workspace.store(SCHEMA));
    }

    /** Keeps {@code report} in the case, with the custody entry that records it and its entry in the search. */
    public Check record(CaseId id, DnsblReport report) throws WorkspaceException {
        return store.write(id, "keep the DNSBL check of " + report.address() + " in " + id, tx -> insert(tx, report));
    }

    private static Check insert(CaseTransaction tx, DnsblReport report) throws SQLException {
        Connection c = tx.connection();
        int number;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(check_no), 0) + 1 FROM dnsbl_checks WHERE case_id = ?")) {
            s.setString(1, tx.caseId().toString());
            try (ResultSet r = s.executeQuery()) {
                r.next(); // one row: an aggregate
                number = r.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO dnsbl_checks (case_id, check_no, address, checked_at, resolver, analyst) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, tx.caseId().toString());
            s.setInt(2, number);
            s.setString(3, report.address());
            s.setString(4, report.checked().toString());
            s.setString(5, report.resolver());
            s.setString(6, tx.analyst());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dnsbl_answers (case_id, check_no, position, zone, outcome,"
                + " codes, reason, took_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (DnsblAnswer a : report.answers()) {
                s.setString(1, tx.caseId().toString());
                s.setInt(2, number);
                s.setInt(3, ++position);
                s.setString(4, a.list().zone());
                s.setString(5, a.outcome().word());
                s.setString(6, a.codes().stream().map(DnsblAnswer.Code::address).collect(Collectors.joining(" ")));
                s.setString(7, a.reason());
                s.setLong(8, a.took().toMillis());
                s.addBatch();
            }
            s.executeBatch();
        }
        tx.custody(CustodyAction.CHECK_RUN, "DNSBL check " + number + " through " + report.resolver() + ": " + report.summary());
        tx.index("dnsbl", Integer.toString(number), "DNSBL check " + number + " of " + report.address(), report.summary() + "\n"
                + report.answers().stream().map(a -> a.list().name() + " " + a.list().zone() + ": " + a.detail())
                        .collect(Collectors.joining("\n")));
        return new Check(number, tx.analyst(), report);
    }

    /** The case's checks, oldest first. */
    public List<Check> of(CaseId id) throws WorkspaceException {
        return store.read("read the DNSBL checks of " + id, c -> {
            Map<Integer, String[]> heads = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT check_no, address, checked_at, resolver, analyst"
                    + " FROM dnsbl_checks WHERE case_id = ? ORDER BY check_no")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        heads.put(r.getInt(1), new String[] {r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
                    }
                }
            }
            Map<Integer, List<DnsblAnswer>> answers = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT check_no, zone, outcome, codes, reason, took_ms"
                    + " FROM dnsbl_answers WHERE case_id = ? ORDER BY check_no, position")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        DnsblList list = DnsblList.of(r.getString(2));
                        List<DnsblAnswer.Code> codes = new ArrayList<>();
                        for (String address : r.getString(4).split(" ")) {
                            if (!address.isEmpty()) {
                                codes.add(DnsblAnswer.Code.of(list, address));
                            }
                        }
                        answers.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(new DnsblAnswer(list,
                                DnsblAnswer.Outcome.parse(r.getString(3)), codes, r.getString(5), Duration.ofMillis(r.getLong(6))));
                    }
                }
            }
            List<Check> checks = new ArrayList<>();
            for (Map.Entry<Integer, String[]> h : heads.entrySet()) {
                String[] v = h.getValue();
                checks.add(new Check(h.getKey(), v[3], new DnsblReport(v[0], Instant.parse(v[1]), v[2],
                        answers.getOrDefault(h.getKey(), List.of()))));
            }
            return checks;
        });
    }
}
