package org.proxyscope.capture;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.proxyscope.core.Background;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.ProxyPorts;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.core.store.CaseTransaction;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.SearchBatch;
import org.proxyscope.core.store.SearchEntry;
import org.proxyscope.core.store.StoreSchema;
import org.proxyscope.core.store.WorkspaceStore;

/**
 * The capture imports a case keeps, with their proxy sessions, in the workspace database: all SQL of the
 * capture plug-in. An import's rows and its custody entry commit together.
 */
public final class CaptureRecords {

    static final StoreSchema SCHEMA = new StoreSchema("org.proxyscope.capture", List.of(new Migration(1, List.of("""
            CREATE TABLE capture_imports (
                case_id         TEXT NOT NULL REFERENCES cases(case_id),
                evidence_no     INTEGER NOT NULL,
                analysis_no     INTEGER,
                imported_at     TEXT NOT NULL,
                analyst         TEXT NOT NULL,
                file_name       TEXT NOT NULL,
                format          TEXT NOT NULL,
                sha256          TEXT NOT NULL,
                packets         INTEGER NOT NULL,
                bytes           INTEGER NOT NULL,
                flows           INTEGER NOT NULL,
                tcp_flows       INTEGER NOT NULL,
                udp_flows       INTEGER NOT NULL,
                first_packet_ns INTEGER NOT NULL,
                last_packet_ns  INTEGER NOT NULL,
                problem         TEXT,
                PRIMARY KEY (case_id, evidence_no))""", """
            CREATE TABLE capture_sessions (
                case_id         TEXT NOT NULL,
                evidence_no     INTEGER NOT NULL,
                position        INTEGER NOT NULL,
                flow_no         INTEGER NOT NULL,
                started_ns      INTEGER NOT NULL,
                client_host     TEXT NOT NULL,
                client_port     INTEGER NOT NULL,
                proxy_host      TEXT NOT NULL,
                proxy_port      INTEGER NOT NULL,
                protocol        TEXT NOT NULL,
                destination     TEXT NOT NULL,
                outcome         TEXT NOT NULL,
                code            TEXT NOT NULL,
                carries_smtp    INTEGER NOT NULL,
                smtp_messages   INTEGER NOT NULL,
                smtp_recipients INTEGER NOT NULL,
                relayed_flow    INTEGER,
                PRIMARY KEY (case_id, evidence_no, position),
                FOREIGN KEY (case_id, evidence_no) REFERENCES capture_imports(case_id, evidence_no))""")),
            // why each session's outcome is what it is (imports kept before give none)
            new Migration(2, List.of("ALTER TABLE capture_sessions ADD COLUMN evidence TEXT NOT NULL DEFAULT ''")),
            // what the report says of a listing besides its sessions: the sockets on proxy ports, the lines left out
            // (imports kept before keep neither)
            new Migration(3, List.of("ALTER TABLE capture_imports ADD COLUMN left_out TEXT NOT NULL DEFAULT ''", """
                    CREATE TABLE capture_listening (
                        case_id     TEXT NOT NULL,
                        evidence_no INTEGER NOT NULL,
                        position    INTEGER NOT NULL,
                        address     TEXT NOT NULL,
                        port        INTEGER NOT NULL,
                        service     TEXT NOT NULL,
                        process     TEXT NOT NULL,
                        PRIMARY KEY (case_id, evidence_no, position),
                        FOREIGN KEY (case_id, evidence_no) REFERENCES capture_imports(case_id, evidence_no))""")),
            // what a listing shows of each socket's use: the other hosts connected to it, and the mail servers its
            // process connects to, space-separated (sockets kept before show neither)
            new Migration(4, List.of("ALTER TABLE capture_listening ADD COLUMN clients TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE capture_listening ADD COLUMN mail_servers TEXT NOT NULL DEFAULT ''")),
            // A session paired with the proxy's own onward connection keeps the rest of its evidence, and the sentence
            // is made when the row is read (ProxySession.pairedEvidence): made for each of a dense capture's 74,000 sessions to
            // be written, it was a sixth of what keeping them allocated. Rows kept before hold their whole sentence.
            new Migration(5, List.of("ALTER TABLE capture_sessions ADD COLUMN paired INTEGER NOT NULL DEFAULT 0"))));

    private final Workspace workspace;
    private final WorkspaceStore store;

    private CaptureRecords(Workspace workspace, WorkspaceStore store) {
        this.workspace = workspace;
        this.store = store;
    }

    /** The capture imports of {@code workspace}; creates their tables on first use. */
    public static CaptureRecords of(Workspace workspace) throws WorkspaceException {
        return new CaptureRecords(workspace, workspace.store(SCHEMA));
    }

    /**
     * An import's sessions made ready to be kept ({@link #record}): their search entries are made, and made ready for
     * the index, on a thread of their own from the start, to be ready when the sessions' rows are written.
     */
    public static final class Prepared {

        private final Evidence capture;
        private final CaptureReport report;
        private final AddressTexts addresses;
        private final Background<SearchBatch> entries;

        private Prepared(WorkspaceStore store, Evidence capture, CaptureReport report, AddressTexts addresses) {
            this.capture = capture;
            this.report = report;
            this.addresses = addresses;
            this.entries = Background.start("capture-search-entries", () -> store.searchBatch(entries(capture, report, addresses)));
        }

        /** Waits until the search entries are made, however that ended: for work that should not take a core from it. */
        public void awaitEntries() {
            entries.awaitEnd();
        }
    }

    /**
     * Begins to keep an import of {@code capture}: the search entries of its sessions are made on a thread of their
     * own while the caller goes on (for a capture dense in sessions, tens of thousands of sessions). {@code addresses}:
     * the import's address texts, which the thread writing its JSON shares.
     */
    Prepared prepare(Evidence capture, CaptureReport report, AddressTexts addresses) {
        return new Prepared(store, capture, report, addresses);
    }

    /**
     * Keeps a prepared import in the case, with its sessions and the custody entry that records it. Its analysis is
     * attached once it is kept ({@link #attachAnalysis}).
     */
    public void record(CaseId id, Prepared prepared) throws WorkspaceException {
        Evidence capture = prepared.capture;
        CaptureReport report = prepared.report;
        store.write(id, "keep the import of evidence #" + capture.number() + " in " + id, tx -> {
            keep(tx, prepared);
            tx.custody(CustodyAction.CAPTURE_IMPORTED, "evidence #" + capture.number() + " (" + (report.format() == CaptureFormat.NETSTAT
                    ? "netstat listing, " + CaptureJson.plural(report.flowCount(), "connection") + ", "
                            + CaptureJson.plural(report.onProxyPorts().size(), "socket")
                            + " on proxy ports"
                    : report.format().word() + ", " + report.packets() + " packets, " + report.flowCount() + " flows, "
                            + report.sessions().size() + " proxy sessions") + (report.partial() ? ", partial: " + report.problem().get() : "")
                    + ")");
            return null;
        });
    }

    /**
     * Replaces what the case keeps of an import of {@code capture} with a new analysis of the same stored file: its
     * counts, sessions, listening sockets and search entries, in one transaction with the custody entry that says what
     * the analysis before had found. The analysis before stays as evidence; its custody entries stay as they were.
     */
    public void replace(CaseId id, Prepared prepared, String by) throws WorkspaceException {
        Evidence capture = prepared.capture;
        CaptureReport report = prepared.report;
        String refs = capture.number() + "/";
        List<SearchHit> stale = new ArrayList<>(workspace.indexedRecords(id, "session", refs, Integer.MAX_VALUE));
        stale.addAll(workspace.indexedRecords(id, SOCKET, refs, Integer.MAX_VALUE));
        store.write(id, "keep the new analysis of evidence #" + capture.number() + " in " + id, tx -> {
            String before = foundBefore(tx, capture);
            for (String table : List.of("capture_sessions", "capture_listening", "capture_imports")) {
                try (PreparedStatement s = tx.connection().prepareStatement("DELETE FROM " + table + " WHERE case_id = ? AND evidence_no = ?")) {
                    s.setString(1, tx.caseId().toString());
                    s.setInt(2, capture.number());
                    s.executeUpdate();
                }
            }
            for (SearchHit h : stale) {
                tx.unindex(h.kind(), h.ref());
            }
            keep(tx, prepared);
            tx.custody(CustodyAction.CAPTURE_REANALYSED, "evidence #" + capture.number() + " by " + by + ": " + found(report.sessions().size(),
                    report.sessions().stream().filter(x -> x.outcome() == ProxySession.Outcome.ESTABLISHED).count(), report.onProxyPorts().size())
                    + "; the analysis before found " + before);
            return null;
        });
    }

    /** An import's rows and search entries: what {@link #record} and {@link #replace} both keep. */
    private static void keep(CaseTransaction tx, Prepared prepared) throws SQLException {
        insert(tx, prepared.capture, prepared.report, prepared.addresses);
        tx.index("session", prepared.entries.join(() -> new SQLException("interrupted while the sessions' search entries were made")));
        if (prepared.report.format() == CaptureFormat.NETSTAT) {
            tx.index(SOCKET, socketEntries(prepared.capture, prepared.report));
        }
    }

    /** What the case keeps of the import of {@code capture}, counted in the database: a dense capture has 74,000 sessions. */
    private static String foundBefore(CaseTransaction tx, Evidence capture) throws SQLException, WorkspaceException {
        try (PreparedStatement s = tx.connection().prepareStatement("SELECT (SELECT COUNT(*) FROM capture_sessions WHERE case_id = ?"
                + " AND evidence_no = ?), (SELECT COUNT(*) FROM capture_sessions WHERE case_id = ? AND evidence_no = ? AND outcome = ?),"
                + " (SELECT COUNT(*) FROM capture_listening WHERE case_id = ? AND evidence_no = ?)"
                + " FROM capture_imports WHERE case_id = ? AND evidence_no = ?")) {
            String caseId = tx.caseId().toString();
            for (int where : new int[] {1, 3, 6, 8}) { // each sub-query's and the import's own case and evidence
                s.setString(where, caseId);
                s.setInt(where + 1, capture.number());
            }
            s.setString(5, ProxySession.Outcome.ESTABLISHED.word());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new WorkspaceException("Evidence #" + capture.number() + " of " + tx.caseId() + " is no capture the case imported");
                }
                return found(r.getInt(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    /** "12 proxy sessions, 3 established, 1 socket on a proxy port" */
    private static String found(int sessions, long established, long listening) {
        return CaptureJson.plural(sessions, "proxy session") + ", " + established + " established, "
                + (listening == 1 ? "1 socket on a proxy port" : listening + " sockets on proxy ports");
    }

    /** Names the evidence holding the JSON analysis of the import of {@code capture}. */
    public void attachAnalysis(CaseId id, Evidence capture, Evidence analysis) throws WorkspaceException {
        store.write(id, "attach the analysis of evidence #" + capture.number() + " in " + id, tx -> {
            try (PreparedStatement s = tx.connection().prepareStatement(
                    "UPDATE capture_imports SET analysis_no = ? WHERE case_id = ? AND evidence_no = ?")) {
                s.setInt(1, analysis.number());
                s.setString(2, tx.caseId().toString());
                s.setInt(3, capture.number());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Sessions written per batch. The driver holds a batch's values boxed until it runs; a dense capture's 74,000
     * sessions in one batch were 1.3 million objects that each young collection copied (0.1-0.15 s of pauses).
     */
    private static final int SESSION_BATCH = 1024;

    private static void insert(CaseTransaction tx, Evidence capture, CaptureReport r, AddressTexts hosts) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO capture_imports (case_id, evidence_no, analysis_no, imported_at,"
                + " analyst, file_name, format, sha256, packets, bytes, flows, tcp_flows, udp_flows, first_packet_ns, last_packet_ns,"
                + " problem, left_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, tx.caseId().toString());
            s.setInt(2, capture.number());
            s.setNull(3, Types.INTEGER); // attached once it is kept
            s.setString(4, tx.now().toString());
            s.setString(5, tx.analyst());
            s.setString(6, capture.originalName());
            s.setString(7, r.format().word());
            s.setString(8, capture.sha256());
            s.setLong(9, r.packets());
            s.setLong(10, r.bytes());
            s.setInt(11, r.flowCount());
            s.setLong(12, r.tcpFlows());
            s.setLong(13, r.udpFlows());
            s.setLong(14, r.firstNanos());
            s.setLong(15, r.lastNanos());
            s.setString(16, r.problem().orElse(null));
            s.setString(17, r.leftOut().orElse(""));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO capture_listening (case_id, evidence_no, position, address, port,"
                + " service, process, clients, mail_servers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ListeningSocket l : r.onProxyPorts()) {
                s.setString(1, tx.caseId().toString());
                s.setInt(2, capture.number());
                s.setInt(3, ++position);
                s.setString(4, l.address());
                s.setInt(5, l.port());
                s.setString(6, l.service());
                s.setString(7, l.process());
                s.setString(8, String.join(" ", l.clients()));
                s.setString(9, String.join(" ", l.mailServers()));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO capture_sessions (case_id, evidence_no, position, flow_no,"
                + " started_ns, client_host, client_port, proxy_host, proxy_port, protocol, destination, outcome, code, carries_smtp,"
                + " smtp_messages, smtp_recipients, relayed_flow, evidence, paired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            String caseId = tx.caseId().toString();
            int position = 0;
            for (ProxySession x : r.sessions()) {
                bind(s, caseId, capture.number(), ++position, x, hosts); // per item, so that the JIT compiles it
                if (position % SESSION_BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    /**
     * The capture's sessions as the workspace-wide search holds them: one entry per proxy (address and port),
     * protocol and outcome, naming every client and destination of its sessions, its first session's flow as its
     * ref. The search answers where an address was seen; each session stays a row of the case ({@link #session},
     * note links, the Capture perspective). An entry per client, as before, made a capture dense in sessions
     * 50,000 entries for 74,000 sessions, repeating the same words in each: indexing them was half of that
     * import's time in a case.
     */
    private static List<SearchEntry> entries(Evidence capture, CaptureReport r, AddressTexts hosts) {
        Map<GroupKey, EntryText> growing = new LinkedHashMap<>();
        List<EntryText> made = new ArrayList<>();
        for (ProxySession x : r.sessions()) {
            group(growing, made, x, hosts); // per item, so that the JIT compiles it: a loop in a method called once runs interpreted
        }
        List<SearchEntry> entries = new ArrayList<>(made.size());
        for (EntryText e : made) {
            entries.add(e.entry(capture, growing.get(e.key).part)); // the group's last entry tells how many it has
        }
        return entries;
    }

    /** The search's kind for a listing's socket on a proxy port; its ref is "evidence/position", as the case keeps it. */
    public static final String SOCKET = "socket";

    /**
     * A listing's sockets on proxy ports as the search holds them, each with its process and every address of its
     * use: an analyst looks for the client that used one customer's proxy, or the trojan's program, in every case.
     * Traffic's listening sockets are not indexed: a capture of a whole line answers on port 80 from thousands of web
     * servers, and its sessions name the proxies.
     */
    private static List<SearchEntry> socketEntries(Evidence capture, CaptureReport r) {
        List<SearchEntry> entries = new ArrayList<>();
        for (ListeningSocket l : r.onProxyPorts()) {
            StringBuilder body = new StringBuilder(capture.originalName()).append("; ").append(ProxyPorts.usual(l.port()))
                    .append(" port ").append(l.port());
            if (!l.owner().isEmpty()) {
                body.append("; owned by ").append(l.owner());
            }
            words(body, "; connected from", l.clients());
            words(body, "; its process connects to port 25 of", l.mailServers());
            entries.add(new SearchEntry(capture.number() + "/" + (entries.size() + 1), l.address() + " listening"
                    + (l.owner().isEmpty() ? "" : ", " + l.owner()), body.toString()));
        }
        return entries;
    }

    /** Every address, each a word of its own: the search finds the sixth as well as the first. */
    private static void words(StringBuilder body, String said, List<String> addresses) {
        if (!addresses.isEmpty()) {
            body.append(said);
            addresses.forEach(a -> body.append(' ').append(a));
        }
    }

    /**
     * What the sessions of one search entry share. equals and hashCode written out: a record's own go through method
     * handles, which ran interpreted for much of a dense capture's 74,000 look-ups (a third of that thread's time).
     */
    private record GroupKey(InetAddress proxy, int proxyPort, String protocol, ProxySession.Outcome outcome) {

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey k && k.proxyPort == proxyPort && k.outcome == outcome && k.proxy.equals(proxy)
                    && k.protocol.equals(protocol);
        }

        @Override
        public int hashCode() {
            return ((proxy.hashCode() * 31 + proxyPort) * 31 + protocol.hashCode()) * 31 + outcome.ordinal();
        }
    }

    /**
     * Addresses one entry names at most; a group naming more goes on in another entry. Each entry stays a text that
     * search snippets read quickly and PostgreSQL's text search takes whole (at most 1 MB of words a document).
     */
    private static final int ADDRESSES_PER_ENTRY = 1_000;

    private static void group(Map<GroupKey, EntryText> growing, List<EntryText> made, ProxySession x, AddressTexts hosts) {
        Flow f = x.flow();
        GroupKey key = new GroupKey(f.serverAddress(), f.serverPort(), x.protocol(), x.outcome());
        String client = hosts.host(f.clientAddress());
        EntryText e = growing.get(key);
        if (e == null || e.full() && !e.names(client, x.destination())) {
            e = new EntryText(x, key, e == null ? 1 : e.part + 1, hosts.endpoint(f.serverAddress(), f.serverPort()),
                    hosts.host(f.serverAddress()));
            growing.put(key, e);
            made.add(e);
        }
        e.add(x, client);
    }

    /** How a session that named no destination is said, here and in {@link KeptCapture.Session#description}. */
    static final String UNNAMED = "an unnamed destination";

    /** One search entry being made: its first session, and what its sessions add up to. */
    private static final class EntryText {
        private final ProxySession first;
        private final GroupKey key;
        /** Which of its group's entries this is, from 1. */
        private final int part;
        private final String proxy;
        private final String proxyHost;
        private final Set<String> clients = new LinkedHashSet<>();
        /** Those named: a session that names none adds none. */
        private final Set<String> destinations = new LinkedHashSet<>();
        private int sessions;
        private int messages;

        EntryText(ProxySession first, GroupKey key, int part, String proxy, String proxyHost) {
            this.first = first;
            this.key = key;
            this.part = part;
            this.proxy = proxy;
            this.proxyHost = proxyHost;
        }

        boolean full() {
            return clients.size() + destinations.size() >= ADDRESSES_PER_ENTRY;
        }

        /** Whether a session from {@code client} to {@code destination} adds no address here. */
        boolean names(String client, String destination) {
            return clients.contains(client) && (destination.isEmpty() || destinations.contains(destination));
        }

        void add(ProxySession x, String client) {
            clients.add(client);
            if (!x.destination().isEmpty()) {
                destinations.add(x.destination());
            }
            sessions++;
            messages += x.smtpMessages();
        }

        /** The entry, as part {@link #part} of {@code parts} of its group. */
        SearchEntry entry(Evidence capture, int parts) {
            String outcome = first.outcome().word();
            String counted = CaptureJson.plural(sessions, "session");
            StringBuilder body = new StringBuilder(128 + 16 * (clients.size() + destinations.size()) + first.evidence().length())
                    .append(counted).append(", ").append(outcome).append(" (").append(first.code())
                    .append(sessions == 1 ? "): " : "), the first: ").append(first.evidence())
                    .append("; ").append(CaptureJson.plural(messages, "mail message")).append("; ").append(capture.originalName())
                    .append("; proxy ").append(proxyHost).append(clients.size() == 1 ? "; client" : "; clients");
            clients.forEach(c -> body.append(' ').append(c));
            if (!destinations.isEmpty()) {
                body.append(destinations.size() == 1 ? "; destination" : "; destinations");
                destinations.forEach(d -> body.append(' ').append(d));
            }
            return new SearchEntry(capture.number() + "/" + first.flow().number(), first.protocol() + " via " + proxy + ", " + outcome
                    + ": " + counted + " from " + only(clients, "client") + " to "
                    + (destinations.isEmpty() ? UNNAMED : only(destinations, "destination")) + (parts > 1 ? " (part " + part + " of "
                    + parts + ")" : ""), body.toString());
        }

        /** The one address there is, or how many there are. */
        private static String only(Set<String> addresses, String word) {
            return addresses.size() == 1 ? addresses.iterator().next() : CaptureJson.plural(addresses.size(), word);
        }
    }

    private static void bind(PreparedStatement s, String caseId, int evidence, int position, ProxySession x, AddressTexts hosts)
            throws SQLException {
        Flow f = x.flow();
        s.setString(1, caseId);
        s.setInt(2, evidence);
        s.setInt(3, position);
        s.setInt(4, f.number());
        s.setLong(5, f.firstNanos());
        s.setString(6, hosts.host(f.clientAddress()));
        s.setInt(7, f.clientPort());
        s.setString(8, hosts.host(f.serverAddress()));
        s.setInt(9, f.serverPort());
        s.setString(10, x.protocol());
        s.setString(11, x.destination());
        s.setString(12, x.outcome().word());
        s.setString(13, x.code());
        s.setInt(14, x.carriesSmtp() ? 1 : 0);
        s.setInt(15, x.smtpMessages());
        s.setInt(16, x.smtpRecipients());
        if (x.hasRelayedFlow()) {
            s.setInt(17, x.relayedFlowNumber());
        } else {
            s.setNull(17, Types.INTEGER);
        }
        s.setString(18, x.reason());
        s.setInt(19, x.paired() ? 1 : 0);
        s.addBatch();
    }

    private static List<String> addresses(String spaced) {
        return spaced.isEmpty() ? List.of() : List.of(spaced.split(" "));
    }

    /** The case's imports, oldest first, each with its sessions. */
    public List<KeptCapture> list(CaseId id) throws WorkspaceException {
        return store.read("read the capture imports of " + id, c -> {
            Map<Integer, List<KeptCapture.Session>> sessions = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + SESSION_COLUMNS
                    + " FROM capture_sessions WHERE case_id = ? ORDER BY evidence_no, position")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sessions.computeIfAbsent(r.getInt(1), n -> new ArrayList<>()).add(session(r));
                    }
                }
            }
            return imports(c, id, sessions);
        });
    }

    /**
     * The sessions of one import that went through one proxy address and port by one protocol and ended alike,
     * counted: what a verdict needs of them.
     *
     * @param firstNanos   when the earliest began (epoch nanoseconds), 0 when unknown
     * @param smtpMessages the mail messages they carried, all told
     */
    public record SessionGroup(String proxyHost, int proxyPort, String protocol, ProxySession.Outcome outcome, int sessions,
            long firstNanos, long lastNanos, int smtpMessages) {
    }

    /**
     * An import as {@link #list} gives it but without its sessions ({@code capture.sessions()} is empty), which are
     * counted in {@code groups} instead, in the order their first session was found.
     */
    public record Tally(KeptCapture capture, List<SessionGroup> groups) {

        public Tally {
            groups = List.copyOf(groups);
        }

        /** The sessions of the import, all told. */
        public int sessions() {
            return groups.stream().mapToInt(SessionGroup::sessions).sum();
        }
    }

    /**
     * The case's imports with their sessions counted by group, in the order {@link #list} gives them: what the case's
     * verdict is made from. On a capture of 70,000 sessions this reads a few rows where {@link #list} reads every
     * session.
     */
    public List<Tally> tallies(CaseId id) throws WorkspaceException {
        return store.read("count the capture sessions of " + id, c -> {
            Map<Integer, List<SessionGroup>> groups = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT evidence_no, proxy_host, proxy_port, protocol, outcome, COUNT(*),"
                    + " MIN(started_ns), MAX(started_ns), SUM(smtp_messages), MIN(position) AS found FROM capture_sessions"
                    + " WHERE case_id = ? GROUP BY evidence_no, proxy_host, proxy_port, protocol, outcome ORDER BY evidence_no, found")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        groups.computeIfAbsent(r.getInt(1), n -> new ArrayList<>()).add(new SessionGroup(r.getString(2), r.getInt(3),
                                r.getString(4), outcome(r.getString(5)), r.getInt(6),
                                r.getLong(7), r.getLong(8), r.getInt(9)));
                    }
                }
            }
            List<Tally> tallies = new ArrayList<>();
            for (KeptCapture k : imports(c, id, Map.of())) {
                tallies.add(new Tally(k, groups.getOrDefault(k.evidence(), List.of())));
            }
            return tallies;
        });
    }

    /** The case's imports with their listening sockets, each with its sessions from {@code sessions}. */
    private static List<KeptCapture> imports(Connection c, CaseId id, Map<Integer, List<KeptCapture.Session>> sessions)
            throws SQLException {
        Map<Integer, List<ListeningSocket>> listening = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT evidence_no, address, port, service, process, clients, mail_servers"
                + " FROM capture_listening WHERE case_id = ? ORDER BY evidence_no, position")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    listening.computeIfAbsent(r.getInt(1), n -> new ArrayList<>())
                            .add(new ListeningSocket(r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                                    addresses(r.getString(6)), addresses(r.getString(7))));
                }
            }
        }
        List<KeptCapture> imports = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT evidence_no, analysis_no, imported_at, analyst, file_name, format,"
                + " sha256, packets, bytes, flows, tcp_flows, udp_flows, first_packet_ns, last_packet_ns, problem, left_out"
                + " FROM capture_imports WHERE case_id = ? ORDER BY imported_at, evidence_no")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int evidence = r.getInt(1);
                    int analysisNo = r.getInt(2);
                    OptionalInt analysis = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(analysisNo);
                    imports.add(new KeptCapture(evidence, analysis, Instant.parse(r.getString(3)), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getLong(8), r.getLong(9), r.getInt(10), r.getLong(11), r.getLong(12),
                            r.getLong(13), r.getLong(14), Optional.ofNullable(r.getString(15)), r.getString(16),
                            listening.getOrDefault(evidence, List.of()), sessions.getOrDefault(evidence, List.of())));
                }
            }
        }
        return imports;
    }

    /**
     * A kept session as a note's link names it.
     *
     * @param ref   "evidence/flow"
     * @param title who used which proxy for what, and how it ended
     */
    public record SessionLink(String ref, String title) {
    }

    /** The case's kept session that {@code ref} ("evidence/flow") names, when there is one. */
    public Optional<SessionLink> session(CaseId id, String ref) throws WorkspaceException {
        int[] numbers = numbers(ref);
        if (numbers == null) {
            return Optional.empty();
        }
        return store.read("read capture session " + ref + " of " + id, c -> {
            try (PreparedStatement s = named(c, LINK_COLUMNS, id, numbers); ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(link(r)) : Optional.empty();
            }
        });
    }

    /** "evidence/flow" as its two numbers, or null when it is no such ref. */
    private static int[] numbers(String ref) {
        java.util.regex.Matcher m = REF.matcher(ref);
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    /** The query for {@code columns} of the session that evidence and flow {@code numbers} name. */
    private static PreparedStatement named(Connection c, String columns, CaseId id, int[] numbers) throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT " + columns + " FROM capture_sessions WHERE case_id = ? AND evidence_no = ?"
                + " AND flow_no = ? ORDER BY position LIMIT 1");
        s.setString(1, id.toString());
        s.setInt(2, numbers[0]);
        s.setInt(3, numbers[1]);
        return s;
    }

    /**
     * The case's kept sessions whose ref begins with {@code refPrefix} (digits and a slash, e.g. "2/8"), in the order
     * the case gained them, at most {@code limit}: what a link being typed in a note can lead to.
     */
    public List<SessionLink> sessions(CaseId id, String refPrefix, int limit) throws WorkspaceException {
        if (!refPrefix.matches("[0-9]*(/[0-9]*)?")) {
            return List.of();
        }
        return store.read("list the capture sessions of " + id, c -> {
            List<SessionLink> links = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + LINK_COLUMNS + " FROM capture_sessions WHERE case_id = ?"
                    + " AND CAST(evidence_no AS TEXT) || '/' || CAST(flow_no AS TEXT) LIKE ? ORDER BY evidence_no, position LIMIT ?")) {
                s.setString(1, id.toString());
                s.setString(2, refPrefix + "%");
                s.setInt(3, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        links.add(link(r));
                    }
                }
            }
            return links;
        });
    }

    /** A search result to place: the entry named after the session {@code ref}, found by searching {@code address}. */
    public record Placing(CaseId caseId, String ref, String address) {
    }

    /**
     * The session a search result for an address leads to: the first session from the entry's first on, of the same
     * proxy, protocol and outcome (the entry's sessions), whose client or destination the address (an IP address as
     * text) is; the entry's first session when the address is their proxy. Empty when none is, or the ref or the
     * address is not one. One answer for each of {@code placings}, in their order: their entries' first sessions are
     * looked up together, as the sessions have no index by flow and each look-up scans its capture's sessions.
     */
    public List<Optional<String>> sessionsOf(List<Placing> placings) throws WorkspaceException {
        return store.read("place " + placings.size() + " search results among the capture sessions", c -> {
            // the entries' first sessions: one scan of each capture they are in
            Map<Kept, Set<Integer>> flows = new LinkedHashMap<>();
            for (Placing p : placings) {
                int[] numbers = numbers(p.ref());
                if (numbers != null) {
                    flows.computeIfAbsent(new Kept(p.caseId(), numbers[0]), k -> new LinkedHashSet<>()).add(numbers[1]);
                }
            }
            Map<String, EntryStart> starts = new java.util.HashMap<>();
            for (Map.Entry<Kept, Set<Integer>> capture : flows.entrySet()) {
                String marks = String.join(", ", java.util.Collections.nCopies(capture.getValue().size(), "?"));
                try (PreparedStatement s = c.prepareStatement("SELECT flow_no, position, proxy_host, proxy_port, protocol, outcome"
                        + " FROM capture_sessions WHERE case_id = ? AND evidence_no = ? AND flow_no IN (" + marks + ") ORDER BY position")) {
                    s.setString(1, capture.getKey().caseId().toString());
                    s.setInt(2, capture.getKey().evidence());
                    int i = 3;
                    for (int flow : capture.getValue()) {
                        s.setInt(i++, flow);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            starts.putIfAbsent(capture.getKey().caseId() + " " + capture.getKey().evidence() + "/" + r.getInt(1),
                                    new EntryStart(r.getInt(2), r.getString(3), r.getInt(4), r.getString(5), r.getString(6)));
                        }
                    }
                }
            }
            List<Optional<String>> placed = new ArrayList<>();
            for (Placing p : placings) {
                int[] numbers = numbers(p.ref());
                EntryStart entry = numbers == null ? null : starts.get(p.caseId() + " " + numbers[0] + "/" + numbers[1]);
                if (entry == null || org.proxyscope.core.model.AddressText.literal(p.address()).isEmpty()) {
                    placed.add(Optional.empty());
                } else if (entry.proxyHost().equalsIgnoreCase(p.address())) {
                    // every session of the entry went through it; looking further would scan to the capture's end
                    placed.add(Optional.of(numbers[0] + "/" + numbers[1]));
                } else {
                    placed.add(sessionOf(c, p, numbers[0], entry));
                }
            }
            return placed;
        });
    }

    /** One capture a case keeps. */
    private record Kept(CaseId caseId, int evidence) {
    }

    /** A search entry's first session: where the entry's sessions begin, and what they have in common. */
    private record EntryStart(int position, String proxyHost, int proxyPort, String protocol, String outcome) {
    }

    /** The first session of {@code p.address()} among the entry's sessions, which begin at {@code entry}. */
    private static Optional<String> sessionOf(Connection c, Placing p, int evidence, EntryStart entry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT flow_no FROM capture_sessions WHERE case_id = ? AND evidence_no = ?"
                + " AND position >= ? AND proxy_host = ? AND proxy_port = ? AND protocol = ? AND outcome = ?"
                + " AND (client_host = ? OR destination = ? OR destination LIKE ? OR destination LIKE ?) ORDER BY position LIMIT 1")) {
            s.setString(1, p.caseId().toString());
            s.setInt(2, evidence);
            s.setInt(3, entry.position());
            s.setString(4, entry.proxyHost());
            s.setInt(5, entry.proxyPort());
            s.setString(6, entry.protocol());
            s.setString(7, entry.outcome());
            s.setString(8, p.address());
            s.setString(9, p.address());
            s.setString(10, p.address() + ":%"); // an address holds no % or _
            s.setString(11, "[" + p.address() + "]:%");
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(evidence + "/" + r.getInt(1)) : Optional.empty();
            }
        }
    }

    private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("([0-9]{1,9})/([0-9]{1,9})");

    private static final String LINK_COLUMNS = "evidence_no, flow_no, protocol, client_host, proxy_host, proxy_port, destination, outcome";

    private static SessionLink link(ResultSet r) throws SQLException {
        return new SessionLink(r.getInt(1) + "/" + r.getInt(2), KeptCapture.Session.describe(r.getString(3), r.getString(4), r.getString(5),
                r.getInt(6), r.getString(7)) + ", " + r.getString(8));
    }

    /**
     * Since when and until when a kept capture shows the host relaying: its first and last relayed session by start
     * (the first and last found, among sessions that started together) and how many relayed.
     */
    public record RelaySpan(int evidence, String fileName, int relayed, KeptCapture.Session first, KeptCapture.Session last) {
    }

    /**
     * The relay span of each of the case's imports that shows relaying, oldest import first. The database finds
     * them: a capture dense in sessions keeps tens of thousands, and the timeline wants two of them.
     */
    public List<RelaySpan> relaySpans(CaseId id) throws WorkspaceException {
        return store.read("read since when " + id + " relays", c -> {
            List<RelaySpan> spans = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT s.evidence_no, i.file_name, COUNT(*), MIN(s.started_ns), MAX(s.started_ns)"
                    + " FROM capture_sessions s JOIN capture_imports i ON i.case_id = s.case_id AND i.evidence_no = s.evidence_no"
                    + " WHERE s.case_id = ? AND s.outcome = ? AND s.started_ns > 0 GROUP BY s.evidence_no, i.file_name, i.imported_at"
                    + " ORDER BY i.imported_at, s.evidence_no")) {
                s.setString(1, id.toString());
                s.setString(2, RELAYED);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int evidence = r.getInt(1);
                        spans.add(new RelaySpan(evidence, r.getString(2), r.getInt(3), relayedAt(c, id, evidence, r.getLong(4), "ASC"),
                                relayedAt(c, id, evidence, r.getLong(5), "DESC")));
                    }
                }
            }
            return spans;
        });
    }

    private static final String RELAYED = ProxySession.Outcome.ESTABLISHED.word();

    private static final String SESSION_COLUMNS = "evidence_no, flow_no, started_ns, client_host, client_port, proxy_host, proxy_port,"
            + " protocol, destination, outcome, code, carries_smtp, smtp_messages, smtp_recipients, relayed_flow, evidence, paired";

    /** The relayed session of one import that started at {@code nanos}, the first or the last found of those that did. */
    private static KeptCapture.Session relayedAt(Connection c, CaseId id, int evidence, long nanos, String order) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM capture_sessions WHERE case_id = ?"
                + " AND evidence_no = ? AND outcome = ? AND started_ns = ? ORDER BY position " + order + " LIMIT 1")) {
            s.setString(1, id.toString());
            s.setInt(2, evidence);
            s.setString(3, RELAYED);
            s.setLong(4, nanos);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return session(r);
            }
        }
    }

    private static ProxySession.Outcome outcome(String word) {
        return ProxySession.Outcome.valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }

    private static KeptCapture.Session session(ResultSet r) throws SQLException {
        int relayed = r.getInt(15);
        OptionalInt relayedFlow = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(relayed); // wasNull speaks of the last read
        String destination = r.getString(9);
        String evidence = r.getInt(17) != 0 ? ProxySession.pairedEvidence(destination, relayed, r.getString(16)) : r.getString(16);
        return new KeptCapture.Session(r.getInt(2), r.getLong(3), r.getString(4), r.getInt(5), r.getString(6), r.getInt(7),
                r.getString(8), destination, outcome(r.getString(10)),
                r.getString(11), evidence, r.getInt(12) != 0, r.getInt(13), r.getInt(14), relayedFlow);
    }
}
