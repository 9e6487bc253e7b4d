package org.proxyscope.core.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.core.model.Scope;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.core.model.ScopeEntry;
import org.proxyscope.core.model.Severity;
import org.proxyscope.core.store.SearchBatch;
import org.proxyscope.core.store.SearchEntry;

/**
 * All SQL of the core bundle: cases, their scope and tags, evidence records and custody logs. Callers
 * hand in the connection of a {@link Database#transaction}, so a case change and its custody entry
 * always commit together.
 */
public final class CaseRepository {

    /** The previous hash of a case's first custody entry. */
    public static final String GENESIS = "0".repeat(64);

    private final Dialect dialect;

    public CaseRepository(Database database) {
        this.dialect = database.dialect();
    }

    // ---- cases ----

    public CaseId nextId(Connection c, int year) throws SQLException {
        dialect.lockCaseNumbering(c);
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(number), 0) + 1 FROM cases WHERE year = ?")) {
            s.setInt(1, year);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new CaseId(year, r.getInt(1));
            }
        }
    }

    public void insert(Connection c, CaseId id, NewCase spec, String analyst, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cases (case_id, year, number, title, target,"
                + " customer_ref, analyst, severity, status, archived, created_at, updated_at, custody_head)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            s.setString(1, id.toString());
            s.setInt(2, id.year());
            s.setInt(3, id.number());
            s.setString(4, spec.title());
            s.setString(5, spec.target().name());
            s.setString(6, spec.customerReference());
            s.setString(7, analyst);
            s.setString(8, spec.severity().word());
            s.setString(9, CaseStatus.NEW.word());
            s.setString(10, now.toString());
            s.setString(11, now.toString());
            s.setString(12, GENESIS);
            s.executeUpdate();
        }
        insertScopeAndTags(c, id, spec.scope(), spec.tags());
        dialect.indexCase(c, id.toString(), searchable(id, spec.title(), spec.target(), spec.customerReference(), spec.tags()));
        index(c, id, "case", "", spec.title(), searchable(id, spec.title(), spec.target(), spec.customerReference(),
                spec.tags()));
    }

    private static void insertScopeAndTags(Connection c, CaseId id, Scope scope, List<String> tags) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_scope (case_id, position, host, ports) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (ScopeEntry entry : scope.entries()) {
                s.setString(1, id.toString());
                s.setInt(2, position++);
                s.setString(3, entry.host().name());
                s.setString(4, entry.ports().toString());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_tags (case_id, tag) VALUES (?, ?)")) {
            for (String tag : tags) {
                s.setString(1, id.toString());
                s.setString(2, tag);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String searchable(CaseId id, String title, Host target, String customer, List<String> tags) {
        return String.join(" ", id.toString(), title, target.name(), customer, String.join(" ", tags));
    }

    public void updateStatus(Connection c, CaseId id, CaseStatus status, Instant now) throws SQLException {
        update(c, "UPDATE cases SET status = ?, updated_at = ? WHERE case_id = ?", status.word(), now.toString(), id.toString());
    }

    public void updateArchived(Connection c, CaseId id, boolean archived, Instant now) throws SQLException {
        update(c, "UPDATE cases SET archived = ?, updated_at = ? WHERE case_id = ?", archived ? "1" : "0", now.toString(),
                id.toString());
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Sql.bind(s, values).executeUpdate();
        }
    }

    public Optional<Case> find(Connection c, CaseId id) throws SQLException {
        return select(c, "WHERE c.case_id = ?", "", id.toString()).stream().findFirst();
    }

    /**
     * The case, its row kept to the caller's transaction until it ends: every write to a case begins here, so
     * writes to one case by several analysts at once (numbering evidence, notes, runs; chaining custody) follow
     * one another.
     */
    public Optional<Case> findForWrite(Connection c, CaseId id) throws SQLException {
        return select(c, "WHERE c.case_id = ?", dialect.lockingRead(), id.toString()).stream().findFirst();
    }

    /** Cases newest first; archived ones only when asked for. */
    public List<Case> list(Connection c, boolean includeArchived) throws SQLException {
        return select(c, includeArchived ? "" : "WHERE c.archived = 0", "");
    }

    /** Cases whose id, title, target, customer reference or tags match every typed word, best first. */
    public List<Case> search(Connection c, String typed, boolean includeArchived) throws SQLException {
        String terms = dialect.searchTerms(typed);
        if (terms.isEmpty()) {
            return list(c, includeArchived);
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(dialect.searchCases())) {
            s.setString(1, terms);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        Map<String, Case> byId = new LinkedHashMap<>();
        for (Case found : list(c, includeArchived)) {
            byId.put(found.id().toString(), found);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private List<Case> select(Connection c, String where, String lock, String... args) throws SQLException {
        List<Case> cases = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.case_id, c.title, c.target, c.customer_ref, c.analyst,"
                + " c.severity, c.status, c.archived, c.created_at, c.updated_at FROM cases c " + where
                + " ORDER BY c.year DESC, c.number DESC" + lock)) {
            try (ResultSet r = Sql.bind(s, args).executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    cases.add(new Case(CaseId.parse(id), r.getString(2), Host.parse(r.getString(3)), scope(c, id),
                            r.getString(4), r.getString(5), Severity.parse(r.getString(6)), tags(c, id),
                            CaseStatus.parse(r.getString(7)), r.getInt(8) != 0, Instant.parse(r.getString(9)),
                            Instant.parse(r.getString(10))));
                }
            }
        }
        return cases;
    }

    private static Scope scope(Connection c, String id) throws SQLException {
        List<ScopeEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT host, ports FROM case_scope WHERE case_id = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new ScopeEntry(Host.parse(r.getString(1)), PortRanges.parse(r.getString(2))));
                }
            }
        }
        return new Scope(entries);
    }

    private static List<String> tags(Connection c, String id) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT tag FROM case_tags WHERE case_id = ? ORDER BY tag")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tags.add(r.getString(1));
                }
            }
        }
        return tags;
    }

    // ---- evidence ----

    public Optional<Evidence> evidenceBySha(Connection c, CaseId id, String sha256) throws SQLException {
        return evidence(c, id, "AND sha256 = ?", sha256).stream().findFirst();
    }

    public List<Evidence> evidence(Connection c, CaseId id) throws SQLException {
        return evidence(c, id, "");
    }

    private static List<Evidence> evidence(Connection c, CaseId id, String and, String... args) throws SQLException {
        List<Evidence> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT evidence_no, sha256, size, original_name, original_path,"
                + " source, added_by, added_at, stored_as, purged_at, purge_reason FROM evidence WHERE case_id = ? " + and
                + " ORDER BY evidence_no")) {
            s.setString(1, id.toString());
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 2, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String purged = r.getString(10);
                    out.add(new Evidence(id, r.getInt(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), Instant.parse(r.getString(8)), r.getString(9),
                            Optional.ofNullable(purged).map(Instant::parse), r.getString(11)));
                }
            }
        }
        return out;
    }

    public Evidence insertEvidence(Connection c, CaseId id, String sha256, long size, String originalName,
            String originalPath, String source, String analyst, Instant now, String storedAs) throws SQLException {
        int number;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(evidence_no), 0) + 1 FROM evidence WHERE case_id = ?")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                number = r.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO evidence (case_id, evidence_no, sha256, size,"
                + " original_name, original_path, source, added_by, added_at, stored_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id.toString());
            s.setInt(2, number);
            s.setString(3, sha256);
            s.setLong(4, size);
            s.setString(5, originalName);
            s.setString(6, originalPath);
            s.setString(7, source);
            s.setString(8, analyst);
            s.setString(9, now.toString());
            s.setString(10, storedAs);
            s.executeUpdate();
        }
        index(c, id, "evidence", Integer.toString(number), originalName, source + " " + originalPath + " " + sha256);
        return new Evidence(id, number, sha256, size, originalName, originalPath, source, analyst, now, storedAs,
                Optional.empty(), "");
    }

    // ---- the workspace-wide search index ----

    public void index(Connection c, CaseId id, String kind, String ref, String title, String body) throws SQLException {
        try (Dialect.Indexer indexer = indexer(c)) {
            indexer.index(id.toString(), kind, ref, title, body);
        }
    }

    /** Entries handed to the database at a time: what it takes in one statement stays a few megabytes. */
    private static final int INDEX_SLICE = 4096;

    /** A {@link SearchBatch} as the workspace makes it: slices of entries in the dialect's form, addresses repeated. */
    private record ReadyBatch(List<Dialect.Indexer.Batch> slices) implements SearchBatch {
    }

    /**
     * Entries made ready for {@link #index(Dialect.Indexer, String, String, SearchBatch)}, each address repeated as
     * a word of its own ({@link #withAddresses}); needs no connection.
     */
    public SearchBatch searchBatch(List<SearchEntry> entries) {
        List<Dialect.Indexer.Batch> slices = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += INDEX_SLICE) {
            List<SearchEntry> slice = entries.subList(from, Math.min(entries.size(), from + INDEX_SLICE));
            List<SearchEntry> searchable = new ArrayList<>(slice.size());
            for (SearchEntry e : slice) {
                searchable.add(new SearchEntry(e.ref(), e.title(), withAddresses(e.title(), e.body())));
            }
            slices.add(dialect.batch(searchable));
        }
        return new ReadyBatch(slices);
    }

    /** Puts a batch this repository made ready into the index through {@code indexer} ({@link #indexer}). */
    public static void index(Dialect.Indexer indexer, String caseId, String kind, SearchBatch batch) throws SQLException {
        if (!(batch instanceof ReadyBatch ready)) {
            throw new IllegalArgumentException("search entries are made ready by WorkspaceStore.searchBatch, not by "
                    + batch.getClass().getName());
        }
        for (Dialect.Indexer.Batch slice : ready.slices()) {
            indexer.index(caseId, kind, slice);
        }
    }

    /** An indexer for many records in one transaction; like {@link #index}, it repeats every address as a word of its own. */
    public Dialect.Indexer indexer(Connection c) throws SQLException {
        Dialect.Indexer raw = dialect.indexer(c);
        return new Dialect.Indexer() {
            @Override
            public void index(String caseId, String kind, String ref, String title, String body) throws SQLException {
                raw.index(caseId, kind, ref, title, withAddresses(title, body));
            }

            /** A batch's addresses were repeated as it was made ({@link #searchBatch}). */
            @Override
            public void index(String caseId, String kind, Batch batch) throws SQLException {
                raw.index(caseId, kind, batch);
            }

            @Override
            public void unindex(String caseId, String kind, String ref) throws SQLException {
                raw.unindex(caseId, kind, ref);
            }

            @Override
            public void close() throws SQLException {
                raw.close();
            }
        };
    }

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9])|\\[?[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}\\]?");

    /**
     * The body with each IP address of the title and body that is glued to what surrounds it repeated once as a word
     * of its own: the index keeps dots, dashes and colons inside words (so 192.0.2.7 is one word, not four), which
     * glues an address into "netstat-192.0.2.7.txt" or "192.0.2.7:1080"; an analyst searching the address finds
     * both. An address that is already a word somewhere is not repeated: the repetitions show in search snippets.
     */
    static String withAddresses(String title, String body) {
        // the addresses to repeat: those standing nowhere as a word, first found first
        Set<String> glued = new LinkedHashSet<>();
        // an IPv6 address may hold two colons with the space between title and body in between; then both as one text
        if (mayHoldIpv6(title) || mayHoldIpv6(body)
                || title.indexOf(':', Math.max(0, title.length() - 4)) >= 0 && body.lastIndexOf(':', 3) >= 0) {
            String text = title + " " + body;
            for (String address : addresses(text)) {
                if (!glued.contains(address) && !isWord(text, address)) {
                    glued.add(address);
                }
            }
        } else {
            // Title and body each on their own, as the space between them ends any address and any word: joined, they
            // were copied once more for each of a dense capture's tens of thousands of session entries. Only the
            // quads found glued are taken out of the text, and looked for again: most stand alone (an entry names
            // up to a thousand clients), and a map of every quad found was a third of what the entries allocated.
            gluedQuads(title, glued);
            gluedQuads(body, glued);
            glued.removeIf(quad -> isWord(title, quad) || isWord(body, quad));
        }
        if (glued.isEmpty()) {
            return body;
        }
        int added = 0;
        for (String address : glued) {
            added += address.length() + 1;
        }
        StringBuilder out = new StringBuilder(body.length() + added).append(body);
        glued.forEach(address -> out.append(' ').append(address));
        return out.toString();
    }

    /**
     * Adds to {@code glued} each dotted quad of {@code text} found with a word character on either side. Wherever a
     * dotted quad stands as a word the scan finds it there too, so a quad never found glued needs no second look.
     */
    private static void gluedQuads(String text, Set<String> glued) {
        ipv4(text, (start, end) -> {
            if (start > 0 && SearchText.isWordChar(text.charAt(start - 1)) || end < text.length() && SearchText.isWordChar(text.charAt(end))) {
                glued.add(text.substring(start, end));
            }
        });
    }

    /**
     * Every IP address in {@code text}, in order. Text in which no two colons stand within five characters holds
     * no IPv6 address, and its IPv4 addresses are found by {@link #ipv4} as the pattern finds them: the pattern
     * cost 25 µs an entry, most of importing a capture's sessions into the index.
     */
    static List<String> addresses(String text) {
        List<String> found = new ArrayList<>();
        if (!mayHoldIpv6(text)) {
            ipv4(text, (start, end) -> found.add(text.substring(start, end)));
            return found;
        }
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String address = m.group().replace("[", "").replace("]", "");
            if (address.length() >= 7) {
                found.add(address);
            }
        }
        return found;
    }

    /** Whether {@code word} stands somewhere in {@code text} with no word character next to it. */
    private static boolean isWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !SearchText.isWordChar(text.charAt(at - 1));
            if (startsWord && (end == text.length() || !SearchText.isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether two colons stand within five characters: an IPv6 address's groups have at most four. */
    private static boolean mayHoldIpv6(String text) {
        for (int colon = text.indexOf(':'), next; colon >= 0; colon = next) {
            next = text.indexOf(':', colon + 1);
            if (next >= 0 && next - colon <= 5) {
                return true;
            }
        }
        return false;
    }

    /** Where a dotted quad was found. */
    @FunctionalInterface
    private interface Quad {
        void at(int start, int end);
    }

    /**
     * Calls {@code found} with each dotted quad of {@code text} in order: four runs of one to three digits joined by
     * dots, not preceded by a digit or a dot, not followed by a digit. It goes from dot to dot, as a quad's first run
     * of digits ends at a dot and a session's search entry of 300 characters has a dozen dots: character by
     * character, this scan was most of the time it took to make a dense capture's entries searchable.
     */
    private static void ipv4(String text, Quad found) {
        int resume = 0;
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', Math.max(dot + 1, resume))) {
            int start = dot;
            while (start > resume && dot - start < 4 && isDigit(text.charAt(start - 1))) {
                start--;
            }
            boolean starts = start < dot && dot - start <= 3 && (start == 0 || !isDigit(text.charAt(start - 1)) && text.charAt(start - 1) != '.');
            int end = starts ? quadEnd(text, start) : -1;
            if (end >= 0) {
                found.at(start, end);
                resume = end;
            }
        }
    }

    /** The end of a dotted quad starting at {@code start}, or -1 when none starts there. */
    private static int quadEnd(String text, int start) {
        int at = start;
        for (int group = 0; group < 4; group++) {
            int end = digitsFrom(text, at);
            if (end == at || end - at > 3) {
                return -1;
            }
            if (group < 3) {
                if (end >= text.length() || text.charAt(end) != '.') {
                    return -1;
                }
                end++;
            }
            at = end;
        }
        return at;
    }

    /** Where the run of ASCII digits starting at {@code from} ends. */
    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public Optional<String> indexedTitle(Connection c, CaseId id, String kind, String ref) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.indexedTitle())) {
            s.setString(1, id.toString());
            s.setString(2, kind);
            s.setString(3, ref);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    public List<SearchHit> indexedRecords(Connection c, CaseId id, String kindPrefix, String refPrefix, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.indexedRecords())) {
            s.setString(1, id.toString());
            s.setString(2, likePrefix(kindPrefix));
            s.setString(3, likePrefix(refPrefix));
            s.setInt(4, limit);
            List<SearchHit> records = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    records.add(new SearchHit(id, r.getString(1), r.getString(2), r.getString(3), ""));
                }
            }
            return records;
        }
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public void unindex(Connection c, CaseId id, String kind, String ref) throws SQLException {
        try (Dialect.Indexer indexer = indexer(c)) {
            indexer.unindex(id.toString(), kind, ref);
        }
    }

    /**
     * Ranks the matches by bm25, or, when more than {@code window} match, the {@code window} indexed last: bm25
     * reads every ranked row's length, 60 ms for the 40,000 notes two common words match, and a query that
     * matches that much of a workspace is one to narrow, not to read to its end. For a query with a "phrase" in
     * it, the window is where the phrase's words all are: walking the phrase's own matches checks each one's word
     * positions, which cost more than the window saved (22 ms became 37 in search.sh). So that a rare phrase of
     * common words is found however old, a window with fewer than {@code limit} of the phrase's matches gives way
     * to ranking them all.
     *
     * @throws IllegalArgumentException when the query cannot be read; the message says why
     */
    public List<SearchHit> searchIndex(Connection c, String typed, Optional<CaseId> within, int limit, int window) throws SQLException {
        List<SearchQuery.Part> query = SearchQuery.parse(typed);
        String match = dialect.matchExpression(query);
        boolean phrase = query.stream().anyMatch(SearchQuery.Phrase.class::isInstance);
        long start = windowStart(c, phrase ? dialect.matchExpression(SearchQuery.wordsOfPhrases(query)) : match, within, window);
        List<SearchHit> hits = ranked(c, match, within, start, limit);
        return phrase && start > 0 && hits.size() < limit ? ranked(c, match, within, 0, limit) : hits;
    }

    private List<SearchHit> ranked(Connection c, String match, Optional<CaseId> within, long start, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.searchIndex(within.isPresent()))) {
            int p = bindMatch(s, match, within);
            s.setLong(p++, start);
            s.setInt(p, limit);
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hits.add(new SearchHit(CaseId.parse(r.getString(1)), r.getString(2), r.getString(3), r.getString(4),
                            dialect.snippet(r.getString(5), match)));
                }
            }
            return hits;
        }
    }

    private long windowStart(Connection c, String match, Optional<CaseId> within, int window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.searchWindowStart(within.isPresent()))) {
            s.setInt(bindMatch(s, match, within), window - 1);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** Binds the parameters every search query begins with; returns the index of the next one. */
    private static int bindMatch(PreparedStatement s, String match, Optional<CaseId> within) throws SQLException {
        s.setString(1, match);
        if (within.isEmpty()) {
            return 2;
        }
        s.setString(2, within.get().toString());
        return 3;
    }

    public void markPurged(Connection c, CaseId id, int number, Instant now, String reason) throws SQLException {
        update(c, "UPDATE evidence SET purged_at = ?, purge_reason = ? WHERE case_id = ? AND evidence_no = ?",
                now.toString(), reason, id.toString(), Integer.toString(number));
    }

    /** Writes the editable fields of a case and re-indexes it for search. */
    public void updateDetails(Connection c, Case edited, Instant now) throws SQLException {
        String id = edited.id().toString();
        update(c, "UPDATE cases SET title = ?, customer_ref = ?, severity = ?, updated_at = ? WHERE case_id = ?",
                edited.title(), edited.customerReference(), edited.severity().word(), now.toString(), id);
        update(c, "DELETE FROM case_scope WHERE case_id = ?", id);
        update(c, "DELETE FROM case_tags WHERE case_id = ?", id);
        insertScopeAndTags(c, edited.id(), edited.scope(), edited.tags());
        dialect.indexCase(c, id, searchable(edited.id(), edited.title(), edited.target(), edited.customerReference(),
                edited.tags()));
        index(c, edited.id(), "case", "", edited.title(), searchable(edited.id(), edited.title(), edited.target(),
                edited.customerReference(), edited.tags()));
    }

    // ---- custody ----

    /** Appends an entry chained to the case's last one and moves the case's recorded head to it. */
    public CustodyEntry appendCustody(Connection c, CaseId id, Instant at, String analyst, CustodyAction action,
            String details) throws SQLException {
        if (action == CustodyAction.UNKNOWN) {
            throw new IllegalArgumentException("an action without a name of its own cannot be logged");
        }
        int seq;
        String previous;
        // the case's row stays this transaction's until it commits: appends by analysts at the same moment follow
        // one another, each chained to the one before
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COALESCE(MAX(seq), 0) + 1 FROM custody k WHERE k.case_id = c.case_id),"
                + " custody_head FROM cases c WHERE case_id = ?" + dialect.lockingRead())) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("there is no case " + id);
                }
                seq = r.getInt(1);
                previous = r.getString(2);
            }
        }
        String hash = custodyHash(id, seq, at, analyst, action.word(), details, previous);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO custody (case_id, seq, at, analyst, action, details,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id.toString());
            s.setInt(2, seq);
            s.setString(3, at.toString());
            s.setString(4, analyst);
            s.setString(5, action.word());
            s.setString(6, details);
            s.setString(7, previous);
            s.setString(8, hash);
            s.executeUpdate();
        }
        update(c, "UPDATE cases SET custody_head = ? WHERE case_id = ?", hash, id.toString());
        dialect.announce(c, id.toString());
        return new CustodyEntry(id, seq, at, analyst, action, details, previous, hash);
    }

    public List<CustodyEntry> custody(Connection c, CaseId id) throws SQLException {
        List<CustodyEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, at, analyst, action, details, prev_hash, hash"
                + " FROM custody WHERE case_id = ? ORDER BY seq")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new CustodyEntry(id, r.getInt(1), Instant.parse(r.getString(2)), r.getString(3),
                            CustodyAction.parse(r.getString(4)), r.getString(4), r.getString(5), r.getString(6), r.getString(7)));
                }
            }
        }
        return out;
    }

    public String custodyHead(Connection c, CaseId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT custody_head FROM cases WHERE case_id = ?")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : GENESIS;
            }
        }
    }

    /** SHA-256 over the entry's fields, one per line, ending with the previous entry's hash. */
    public static String custodyHash(CaseId id, int seq, Instant at, String analyst, String action, String details,
            String previousHash) {
        String canonical = String.join("\n", id.toString(), Integer.toString(seq), at.toString(), analyst, action,
                details, previousHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
