package org.proxyscope.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.proxyscope.core.internal.store.CaseRepository;
import org.proxyscope.core.internal.store.Database;
import org.proxyscope.core.internal.store.Dialect;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.core.model.VerificationReport;
import org.proxyscope.core.store.CaseTransaction;
import org.proxyscope.core.store.SearchBatch;
import org.proxyscope.core.store.SearchEntry;
import org.proxyscope.core.store.StoreSchema;
import org.proxyscope.core.store.WorkspaceStore;

/**
 * An open investigation workspace: its cases, their evidence and custody logs. Every change is one database
 * transaction together with its custody entry, so the log never misses an action that happened. Safe to
 * use from the workbench and from command-line processes at the same time.
 */
public final class Workspace implements AutoCloseable {

    /** Name of the database file inside the workspace's metadata folder. */
    public static final String DATABASE = "workspace.db";
    private static final String EVIDENCE = "evidence";
    /** The name a copy into the evidence store has until it is whole: {@code .incoming-PID-RANDOM}. */
    private static final String INCOMING = ".incoming-";
    private static final System.Logger LOG = System.getLogger(Workspace.class.getName());
    private static final int CHUNK = 1 << 20;

    private final Path folder;
    private final WorkspaceLocation location;
    private final String analyst;
    private final Database database;
    private final CaseRepository cases;
    private final Clock clock;
    private final Map<String, WorkspaceStore> stores = new ConcurrentHashMap<>();
    private final List<AutoCloseable> watches = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Workspace(WorkspaceLocation location, Path folder, String analyst, Database database, Clock clock) {
        this.location = location;
        this.folder = folder;
        this.analyst = analyst;
        this.database = database;
        this.cases = new CaseRepository(database);
        this.clock = clock;
    }

    /**
     * Opens the workspace in {@code folder}, creating it when absent.
     *
     * @param analyst who is working, recorded in every custody entry
     */
    public static Workspace open(Path folder, String analyst) throws WorkspaceException {
        return open(folder, analyst, Clock.systemUTC());
    }

    static Workspace open(Path folder, String analyst, Clock clock) throws WorkspaceException {
        requireAnalyst(analyst);
        Path metadata = WorkspaceFolder.prepare(folder);
        removeAbandonedCopies(metadata.resolve(EVIDENCE));
        return new Workspace(new WorkspaceLocation.Folder(folder), folder, analyst.strip(), Database.open(metadata.resolve(DATABASE)),
                clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Opens a workspace where {@code location} says: a folder, or a team workspace (its cases in a PostgreSQL
     * database, its evidence files under the shared folder, as a local workspace keeps them under its own).
     *
     * @param password a team workspace's password, or null for {@code PGPASSWORD}, then {@code ~/.pgpass}
     */
    public static Workspace open(WorkspaceLocation location, String analyst, String password) throws WorkspaceException {
        return switch (location) {
            case WorkspaceLocation.Folder f -> open(f.folder(), analyst);
            case WorkspaceLocation.Team team -> openTeam(team, analyst, password != null ? password : System.getenv("PGPASSWORD"));
        };
    }

    private static Workspace openTeam(WorkspaceLocation.Team team, String analyst, String password) throws WorkspaceException {
        requireAnalyst(analyst);
        // a shared folder that is not mounted is an empty folder or none: evidence would go to the local disk, or
        // every stored file would look missing
        Path evidence = team.evidence();
        if (!Files.isDirectory(evidence)) {
            throw new WorkspaceException("The evidence folder " + evidence + " of the team workspace " + team
                    + " is not there. Is the shared folder mounted?");
        }
        Path store = evidence.resolve(WorkspaceFolder.METADATA);
        if (!Files.isDirectory(store) && !isEmpty(evidence)) {
            throw new WorkspaceException("The evidence folder " + evidence + " holds files but no Proxyscope evidence store ("
                    + WorkspaceFolder.METADATA + "). Is it the folder the team workspace's evidence is in?");
        }
        WorkspaceFolder.prepare(evidence);
        removeAbandonedCopies(store.resolve(EVIDENCE));
        return new Workspace(team, evidence, analyst.strip(), Database.open(team, password), Clock.systemUTC());
    }

    private static boolean isEmpty(Path folder) throws WorkspaceException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new WorkspaceException("Cannot read the evidence folder " + folder + ": " + describe(e), e);
        }
    }

    private static void requireAnalyst(String analyst) throws WorkspaceException {
        if (analyst == null || analyst.isBlank()) {
            throw new WorkspaceException("No analyst name: every custody entry records who acted");
        }
    }

    /**
     * Removes the partial copies that an evidence add killed half way left behind (four kills of an 800 MB add left
     * 1.6 GB). A copy is named by the process writing it; one whose process is gone is abandoned, one whose process
     * runs is still being written (another window or command may add evidence at this moment).
     */
    private static void removeAbandonedCopies(Path evidence) {
        if (!Files.isDirectory(evidence)) {
            return;
        }
        long removed = 0;
        long bytes = 0;
        try (DirectoryStream<Path> cases = Files.newDirectoryStream(evidence, Files::isDirectory)) {
            for (Path caseFolder : cases) {
                try (DirectoryStream<Path> copies = Files.newDirectoryStream(caseFolder, INCOMING + "*")) {
                    for (Path copy : copies) {
                        if (!beingWritten(copy.getFileName().toString())) {
                            long size = Files.size(copy);
                            Files.delete(copy);
                            removed++;
                            bytes += size;
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove every abandoned partial copy in " + evidence + ": " + describe(e));
        }
        if (removed > 0) {
            LOG.log(System.Logger.Level.INFO, "Removed " + removed + " partial cop" + (removed == 1 ? "y" : "ies") + " (" + bytes
                    + " bytes) that evidence adds killed half way left in " + evidence);
        }
    }

    /** Whether the process named in {@code .incoming-PID-...} still runs; an older copy without a process id is abandoned. */
    private static boolean beingWritten(String name) {
        String rest = name.substring(INCOMING.length());
        int dash = rest.indexOf('-');
        if (dash <= 0 || !rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The folder the workspace's files are in: its own folder, or a team workspace's shared evidence folder. */
    public Path folder() {
        return folder;
    }

    /** Where the workspace is, as the analyst names it: its folder, or a team workspace's address. */
    public WorkspaceLocation location() {
        return location;
    }

    public String analyst() {
        return analyst;
    }

    /** Changes when another process commits to this workspace. */
    public long dataVersion() throws WorkspaceException {
        return database.dataVersion();
    }

    /**
     * Tells {@code changed}, on a thread of its own, of each case that another process (another analyst's
     * workbench, the command line) changes, within a second of the change: on a team workspace as the server
     * announces it, on a local one by the database's data version. Ends when the workspace closes.
     */
    public void watchOthers(java.util.function.Consumer<CaseId> changed) throws WorkspaceException {
        watchOthers(changed, problem -> {
        });
    }

    /**
     * As {@link #watchOthers(java.util.function.Consumer)}, and tells {@code connection} when a team workspace's
     * server is lost (what went wrong) and when it is back (empty); it is tried again every second meanwhile.
     */
    public void watchOthers(java.util.function.Consumer<CaseId> changed, java.util.function.Consumer<Optional<String>> connection)
            throws WorkspaceException {
        watches.add(database.watch(id -> changed.accept(CaseId.parse(id)), connection));
    }

    /**
     * How long an action waits for a team workspace's server to come back before it fails saying so: a minute
     * unless set (a script over many hosts would rather wait); the workbench waits seconds, its window with it.
     */
    public void waitForServer(java.time.Duration patience) {
        database.waitForServer(patience);
    }

    public int schemaVersion() throws WorkspaceException {
        return database.schemaVersion();
    }

    // ---- plug-ins' tables ----

    /**
     * A plug-in's own tables in this workspace's database, migrated to the schema's version on first use in
     * this process.
     */
    public WorkspaceStore store(StoreSchema schema) throws WorkspaceException {
        WorkspaceStore store = stores.get(schema.owner());
        if (store == null) {
            database.migrate(schema);
            store = new PluginStore();
            stores.putIfAbsent(schema.owner(), store);
        }
        return store;
    }

    /** What every plug-in's store shares: this workspace's connection, its analyst, clock and custody log. */
    private final class PluginStore implements WorkspaceStore {

        @Override
        public <T> T read(String what, Work<T, Connection> work) throws WorkspaceException {
            return database.read(what, work::run);
        }

        @Override
        public SearchBatch searchBatch(List<SearchEntry> entries) {
            return cases.searchBatch(entries);
        }

        @Override
        public <T> T write(CaseId id, String what, Work<T, CaseTransaction> work) throws WorkspaceException {
            Instant now = clock.instant();
            return database.transaction(what, c -> {
                cases.findForWrite(c, id).orElseThrow(() -> new UnknownCaseException(id, folder));
                // one indexer for the transaction's records, made at the first
                Dialect.Indexer[] indexer = new Dialect.Indexer[1];
                try {
                    return work.run(new CaseTransaction() {
                        @Override
                        public Connection connection() {
                            return c;
                        }

                        @Override
                        public CaseId caseId() {
                            return id;
                        }

                        @Override
                        public Instant now() {
                            return now;
                        }

                        @Override
                        public String analyst() {
                            return analyst;
                        }

                        @Override
                        public CustodyEntry custody(CustodyAction action, String details) throws SQLException {
                            return cases.appendCustody(c, id, now, analyst, action, details);
                        }

                        @Override
                        public void index(String kind, String ref, String title, String body) throws SQLException {
                            indexer().index(id.toString(), kind, ref, title, body);
                        }

                        @Override
                        public void index(String kind, List<SearchEntry> entries) throws SQLException {
                            index(kind, cases.searchBatch(entries));
                        }

                        @Override
                        public void index(String kind, SearchBatch batch) throws SQLException {
                            CaseRepository.index(indexer(), id.toString(), kind, batch);
                        }

                        @Override
                        public void unindex(String kind, String ref) throws SQLException {
                            indexer().unindex(id.toString(), kind, ref);
                        }

                        private Dialect.Indexer indexer() throws SQLException {
                            if (indexer[0] == null) {
                                indexer[0] = cases.indexer(c);
                            }
                            return indexer[0];
                        }
                    });
                } finally {
                    if (indexer[0] != null) {
                        indexer[0].close();
                    }
                }
            });
        }
    }

    // ---- cases ----

    /** Opens a case, numbered in the current year, and records it in its custody log. */
    public Case createCase(NewCase spec) throws WorkspaceException {
        Instant now = clock.instant();
        CaseId id = database.transaction("create a case", c -> {
            CaseId next = cases.nextId(c, now.atZone(ZoneOffset.UTC).getYear());
            cases.insert(c, next, spec, analyst, now);
            cases.appendCustody(c, next, now, analyst, CustodyAction.CASE_CREATED, "title \"" + spec.title()
                    + "\", target " + spec.target() + ", scope " + spec.scope() + ", severity " + spec.severity().word()
                    + (spec.customerReference().isEmpty() ? "" : ", customer " + spec.customerReference()));
            return next;
        });
        return get(id);
    }

    public Optional<Case> find(CaseId id) throws WorkspaceException {
        return database.read("read case " + id, c -> cases.find(c, id));
    }

    public Case get(CaseId id) throws WorkspaceException {
        return find(id).orElseThrow(() -> new UnknownCaseException(id, folder));
    }

    /** Cases, newest first. */
    public List<Case> cases(boolean includeArchived) throws WorkspaceException {
        return database.read("list the cases", c -> cases.list(c, includeArchived));
    }

    /** Cases matching every typed word (id, title, target, customer reference, tags), best first. */
    public List<Case> search(String typed, boolean includeArchived) throws WorkspaceException {
        return database.read("search the cases", c -> cases.search(c, typed, includeArchived));
    }

    /** The most matches a search ranks: beyond it, the ones written last are ranked (see searchEverything). */
    public static final int SEARCH_RANKS_AT_MOST = 5_000;

    /**
     * One search over everything the workspace knows: cases (titles, targets, customers, tags), evidence names
     * and sources, and what plug-ins index (notes, probe findings, capture sessions), best match first. When
     * more than {@link #SEARCH_RANKS_AT_MOST} records match, the best come from those written last.
     *
     * @param query  words (a trailing * makes a prefix), "quoted phrases", AND, OR, NOT and parentheses
     * @param within one case only, when given
     * @throws WorkspaceException when the query cannot be read, saying why
     */
    public List<SearchHit> searchEverything(String query, Optional<CaseId> within, int limit) throws WorkspaceException {
        return database.read("search the workspace for " + query, c -> {
            try {
                return cases.searchIndex(c, query, within, limit, SEARCH_RANKS_AT_MOST);
            } catch (IllegalArgumentException e) {
                throw new WorkspaceException("Cannot search for " + query + ": " + e.getMessage());
            }
        });
    }

    /**
     * What the search index calls one record of a case (a note, a finding, a session), when it holds it: how
     * links between records resolve without knowing the plug-in that keeps them.
     */
    public Optional<String> indexedTitle(CaseId id, String kind, String ref) throws WorkspaceException {
        return database.read("look up " + kind + " " + ref + " of " + id, c -> cases.indexedTitle(c, id, kind, ref));
    }

    /**
     * What the search index holds of one case (evidence, notes, findings, sessions: not the case itself) whose
     * kind and ref begin as given, in the order it was indexed: what a link to it can name, e.g. for completion.
     * The hits carry no snippet.
     */
    public List<SearchHit> indexedRecords(CaseId id, String kindPrefix, String refPrefix, int limit) throws WorkspaceException {
        return database.read("list what " + id + " holds", c -> cases.indexedRecords(c, id, kindPrefix, refPrefix, limit));
    }

    /** Moves a case along its workflow; the reason goes to the custody log. */
    public Case changeStatus(CaseId id, CaseStatus status, String reason) throws WorkspaceException {
        String why = requireReason(reason, "a status change");
        Instant now = clock.instant();
        database.transaction("change the status of " + id, c -> {
            Case current = cases.findForWrite(c, id).orElseThrow(() -> new UnknownCaseException(id, folder));
            if (!current.status().canMoveTo(status)) {
                throw new WorkspaceException(id + " is " + current.status().label() + "; it can move to "
                        + String.join(", ", current.status().next().stream().map(CaseStatus::word).toList())
                        + ", not to " + status.word());
            }
            cases.updateStatus(c, id, status, now);
            cases.appendCustody(c, id, now, analyst, CustodyAction.STATUS_CHANGED,
                    current.status().word() + " -> " + status.word() + ": " + why);
            return null;
        });
        return get(id);
    }

    /** Deleting a case archives it: it leaves the lists, and all its evidence and records stay. */
    public Case archive(CaseId id, boolean archived, String reason) throws WorkspaceException {
        String why = requireReason(reason, archived ? "archiving a case" : "restoring a case");
        Instant now = clock.instant();
        database.transaction((archived ? "archive " : "restore ") + id, c -> {
            cases.findForWrite(c, id).orElseThrow(() -> new UnknownCaseException(id, folder));
            cases.updateArchived(c, id, archived, now);
            cases.appendCustody(c, id, now, analyst, archived ? CustodyAction.CASE_ARCHIVED : CustodyAction.CASE_RESTORED, why);
            return null;
        });
        return get(id);
    }

    /**
     * Changes a case's title, authorised scope, customer reference, severity and tags. The target stays: a
     * different host is a different case. The custody log records each changed field, old and new.
     */
    public Case editCase(CaseId id, NewCase details) throws WorkspaceException {
        Instant now = clock.instant();
        database.transaction("edit " + id, c -> {
            Case current = cases.findForWrite(c, id).orElseThrow(() -> new UnknownCaseException(id, folder));
            if (!current.target().equals(details.target())) {
                throw new WorkspaceException("The target of " + id + " is " + current.target()
                        + " and cannot change; open a new case for " + details.target());
            }
            Case edited = new Case(id, details.title(), current.target(), details.scope(), details.customerReference(),
                    current.analyst(), details.severity(), details.tags(), current.status(), current.archived(),
                    current.created(), now);
            List<String> changes = new ArrayList<>();
            changed(changes, "title", current.title(), edited.title());
            changed(changes, "scope", current.scope().toString(), edited.scope().toString());
            changed(changes, "customer", current.customerReference(), edited.customerReference());
            changed(changes, "severity", current.severity().word(), edited.severity().word());
            changed(changes, "tags", String.join(",", current.tags()), String.join(",", edited.tags()));
            if (!changes.isEmpty()) {
                cases.updateDetails(c, edited, now);
                cases.appendCustody(c, id, now, analyst, CustodyAction.CASE_UPDATED, String.join("; ", changes));
            }
            return null;
        });
        return get(id);
    }

    private static void changed(List<String> changes, String field, String before, String after) {
        if (!before.equals(after)) {
            changes.add(field + " \"" + before + "\" -> \"" + after + "\"");
        }
    }

    /** Records an action another plug-in took on a case (a probe run, an import, a report). */
    public CustodyEntry record(CaseId id, CustodyAction action, String details) throws WorkspaceException {
        Instant now = clock.instant();
        return database.transaction("record " + action.word() + " on " + id, c -> {
            cases.findForWrite(c, id).orElseThrow(() -> new UnknownCaseException(id, folder));
            return cases.appendCustody(c, id, now, analyst, action, details);
        });
    }

    public List<CustodyEntry> custody(CaseId id) throws WorkspaceException {
        get(id);
        return database.read("read the custody log of " + id, c -> cases.custody(c, id));
    }

    private static String requireReason(String reason, String what) throws WorkspaceException {
        if (reason == null || reason.isBlank()) {
            throw new WorkspaceException("Give a reason for " + what + "; it goes to the custody log");
        }
        return reason.strip();
    }

    // ---- evidence ----

    public List<Evidence> evidence(CaseId id) throws WorkspaceException {
        get(id);
        return database.read("list the evidence of " + id, c -> cases.evidence(c, id));
    }

    /** The case's evidence #{@code number}, purged or not; an error naming both when the case has none such. */
    public Evidence evidence(CaseId id, int number) throws WorkspaceException {
        return evidence(id).stream().filter(e -> e.number() == number).findFirst()
                .orElseThrow(() -> new WorkspaceException(id + " has no evidence #" + number));
    }

    /** Where an evidence record's stored copy is. */
    public Path storedFile(Evidence evidence) {
        return folder.resolve(evidence.storedAs());
    }

    /**
     * Copies a file into the case's evidence store, hashing it on the way, in bounded memory whatever its
     * size. The copy is named by its SHA-256 and made read-only before it is registered, so a failure at
     * any point (a full disk, a cancel, a killed process) leaves no half file registered.
     */
    public Evidence addEvidence(CaseId id, Path file, String source, Progress progress) throws WorkspaceException {
        return addEvidence(id, file, source, progress, channel -> {
            progress.begin("Copying and hashing " + file.getFileName(), Files.size(file));
            readToEnd(channel, progress);
            return null;
        }).evidence();
    }

    /** Reads a channel to its end (or to a cancel), for what reading it does: copying and hashing. */
    private static void readToEnd(ReadableByteChannel channel, Progress progress) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        for (int n = channel.read(buffer); n >= 0 && !progress.cancelled(); n = channel.read(buffer.clear())) {
            progress.advance(n);
        }
    }

    /** What reads a file while the evidence store copies it, see {@link #addEvidence(CaseId, Path, String, Progress, EvidenceReader)}. */
    @FunctionalInterface
    public interface EvidenceReader<T> {

        /**
         * Reads the file from its start through {@code channel}, as far as it needs (the store copies and hashes
         * the rest itself), and reports its progress; stops early when the progress is cancelled.
         */
        T read(ReadableByteChannel channel) throws IOException;
    }

    /** The evidence a file became, and what its reader made of it on the way. */
    public record AddedEvidence<T>(Evidence evidence, T result) {
    }

    /**
     * Adds a file as {@link #addEvidence(CaseId, Path, String, Progress)} does, while {@code reader} reads it:
     * the file is read once, and its copy and hash are made on a second thread from the same reads (a
     * capture is analysed as it is stored). A cancel, a reader's failure or a store's failure adds nothing.
     */
    public <T> AddedEvidence<T> addEvidence(CaseId id, Path file, String source, Progress progress, EvidenceReader<T> reader)
            throws WorkspaceException {
        get(id);
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(Files.exists(file) ? file + " is not a regular file" : "There is no file " + file);
        }
        Path incoming = null;
        try {
            incoming = incomingCopy(id);
            T result;
            String sha256;
            long size;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(incoming, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    HashingChannel copying = new HashingChannel(in, file, out)) {
                result = reader.read(copying);
                if (progress.cancelled()) {
                    throw new WorkspaceException("Adding " + file + " was cancelled. Nothing was added.");
                }
                sha256 = copying.sha256();
                out.force(true);
                size = out.size(); // the file as it was copied and hashed, had it grown meanwhile
            }
            Evidence added = register(id, incoming, sha256, size, file.getFileName().toString(),
                    file.toAbsolutePath().normalize().toString(), source, file.toString());
            incoming = null;
            return new AddedEvidence<>(added, result);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot add " + file + " to " + id + ": " + describe(e)
                    + ". Nothing was added; the workspace is as it was.", e);
        } finally {
            if (incoming != null) {
                deleteQuietly(incoming);
            }
        }
    }

    /**
     * A new file in the case's evidence store for a copy until it is whole, named by this process so that it is
     * removed as abandoned should the process die ({@link #removeAbandonedCopies}).
     */
    private Path incomingCopy(CaseId id) throws IOException {
        Path caseFolder = folder.resolve(WorkspaceFolder.METADATA).resolve(EVIDENCE).resolve(id.toString());
        Files.createDirectories(caseFolder);
        return TempPaths.file(caseFolder, INCOMING + ProcessHandle.current().pid() + "-", "");
    }

    /**
     * Registers a whole, hashed copy in the case's evidence store ({@code incoming}) as evidence, with its custody
     * entry, moving it into place under its SHA-256 in the same transaction. {@code named} is what a refusal calls it.
     */
    private Evidence register(CaseId id, Path incoming, String sha256, long size, String originalName, String originalPath,
            String source, String named) throws WorkspaceException {
        Path stored = incoming.resolveSibling(sha256);
        Instant now = clock.instant();
        String relative = folder.relativize(stored).toString();
        return database.transaction("register evidence in " + id, c -> {
            cases.findForWrite(c, id).orElseThrow(() -> new UnknownCaseException(id, folder));
            Optional<Evidence> same = cases.evidenceBySha(c, id, sha256);
            if (same.isPresent()) {
                throw new WorkspaceException(named + " is already evidence #" + same.get().number() + " of " + id
                        + " (same SHA-256 " + sha256 + ")");
            }
            moveIntoPlace(incoming, stored);
            Evidence record = cases.insertEvidence(c, id, sha256, size, originalName, originalPath,
                    source == null ? "" : source.strip(), analyst, now, relative);
            cases.appendCustody(c, id, now, analyst, CustodyAction.EVIDENCE_ADDED, "#" + record.number() + " "
                    + record.originalName() + ", " + size + " bytes, sha256 " + sha256
                    + (record.source().isEmpty() ? "" : ", source: " + record.source()));
            return record;
        });
    }

    /** Writes evidence Proxyscope makes itself, see {@link #stageEvidence}. */
    @FunctionalInterface
    public interface EvidenceWriter {

        /** Writes the whole file into {@code out}, which the caller closes. */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Evidence Proxyscope wrote itself into a case's evidence store, whole and hashed but not yet evidence:
     * {@link #addEvidence(StagedEvidence, String)} adds it; closed unadded, it is deleted.
     */
    public static final class StagedEvidence implements AutoCloseable {

        private final CaseId caseId;
        private final String name;
        private final String sha256;
        private final long size;
        private Path incoming;

        private StagedEvidence(CaseId caseId, String name, String sha256, long size, Path incoming) {
            this.caseId = caseId;
            this.name = name;
            this.sha256 = sha256;
            this.size = size;
            this.incoming = incoming;
        }

        public String sha256() {
            return sha256;
        }

        /** Hands the file over to be added, once. */
        private synchronized Path take() {
            Path file = incoming;
            incoming = null;
            return file;
        }

        @Override
        public void close() {
            Path file = take();
            if (file != null) {
                deleteQuietly(file);
            }
        }
    }

    /**
     * Writes a file Proxyscope makes itself (a capture's analysis, a probe's transcript) straight into the case's
     * evidence store, hashed as it is written and flushed to disk: no temporary file elsewhere and no second read
     * (a dense capture's analysis is 45 MB). Touches no database, so it may run on a thread of its own while another
     * writes to the workspace. Its record names no original path: no file outside the workspace ever was it.
     *
     * @param name what the file is called in the case, as an original file's name would be
     */
    public StagedEvidence stageEvidence(CaseId id, String name, EvidenceWriter writer) throws WorkspaceException {
        // the case is checked when it is added: a look now would wait for any transaction another thread has open
        Path incoming = null;
        try {
            incoming = incomingCopy(id);
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (FileChannel out = FileChannel.open(incoming, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream hashing = new BufferedOutputStream(new DigestOutputStream(Channels.newOutputStream(out), digest), CHUNK);
                writer.write(hashing);
                hashing.flush();
                out.force(true);
                size = out.size();
            }
            StagedEvidence staged = new StagedEvidence(id, name, HexFormat.of().formatHex(digest.digest()), size, incoming);
            incoming = null;
            return staged;
        } catch (IOException e) {
            throw new WorkspaceException("Cannot write " + name + " into the evidence store of " + id + ": " + describe(e)
                    + ". It was not kept.", e);
        } finally {
            if (incoming != null) {
                deleteQuietly(incoming);
            }
        }
    }

    /** Adds staged evidence to its case, with its custody entry; it can be added once. */
    public Evidence addEvidence(StagedEvidence staged, String source) throws WorkspaceException {
        Path incoming = staged.take();
        if (incoming == null) {
            throw new IllegalStateException(staged.name + " was added or discarded already");
        }
        boolean added = false;
        try {
            Evidence e = register(staged.caseId, incoming, staged.sha256, staged.size, staged.name, "", source, staged.name);
            added = true;
            return e;
        } finally {
            if (!added) {
                deleteQuietly(incoming);
            }
        }
    }

    /** Writes a file Proxyscope makes itself into the case's evidence store and adds it, see {@link #stageEvidence}. */
    public Evidence addEvidence(CaseId id, String name, String source, EvidenceWriter writer) throws WorkspaceException {
        try (StagedEvidence staged = stageEvidence(id, name, writer)) {
            return addEvidence(staged, source);
        }
    }

    private static void moveIntoPlace(Path incoming, Path stored) throws WorkspaceException {
        try {
            if (Files.exists(stored)) {
                // a copy left by a run that died between its move and its commit, or moved by this transaction's
                // first run before a team workspace's server went away: same name, same content
                Files.deleteIfExists(incoming);
            } else {
                Files.move(incoming, stored, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("r--r--r--"));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot store the evidence copy " + stored + ": " + describe(e), e);
        }
    }

    /**
     * Removes an evidence file from the store, deliberately: the record, its hash and the custody log stay,
     * with who purged it, when and why. Nothing else ever deletes evidence.
     */
    public Evidence purgeEvidence(CaseId id, int number, String reason) throws WorkspaceException {
        String why = requireReason(reason, "purging evidence");
        Instant now = clock.instant();
        Evidence target = database.transaction("purge evidence #" + number + " of " + id, c -> {
            cases.findForWrite(c, id).orElseThrow(() -> new UnknownCaseException(id, folder));
            Evidence e = cases.evidence(c, id).stream().filter(x -> x.number() == number).findFirst()
                    .orElseThrow(() -> new WorkspaceException(id + " has no evidence #" + number));
            if (e.isPurged()) {
                throw new WorkspaceException("Evidence #" + number + " of " + id + " was already purged on " + e.purged().get());
            }
            cases.markPurged(c, id, number, now, why);
            cases.appendCustody(c, id, now, analyst, CustodyAction.EVIDENCE_PURGED, "#" + number + " " + e.originalName()
                    + ", sha256 " + e.sha256() + ": " + why);
            return e;
        });
        // the file goes only after the purge is on record; should this fail, verify reports the file as still there
        try {
            Files.deleteIfExists(storedFile(target));
        } catch (IOException e) {
            throw new WorkspaceException("Evidence #" + number + " of " + id + " is recorded as purged, but its file "
                    + storedFile(target) + " could not be deleted: " + describe(e), e);
        }
        return evidence(id, number);
    }

    /**
     * Hands a copy of an evidence file over: copied out of the store to {@code to} (a file, or a folder to hold it
     * under its original name), checked against its recorded SHA-256 as it is copied, and made read-only. The custody
     * log records who exported it, where to and why, as a hand-over of evidence must be. An existing file is never
     * replaced; a copy whose hash does not match, or that cannot be recorded, is removed again.
     *
     * @return the exported file
     */
    public Path exportEvidence(CaseId id, int number, Path to, String reason, Progress progress) throws WorkspaceException {
        String why = requireReason(reason, "exporting evidence");
        Evidence e = evidence(id, number);
        if (e.isPurged()) {
            throw new WorkspaceException("Evidence #" + number + " of " + id + " was purged on " + e.purged().get()
                    + "; only its record and hash are left. Nothing was exported.");
        }
        Path target = (Files.isDirectory(to) ? to.resolve(e.originalName()) : to).toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspaceException(target + " exists; an export never replaces a file. Nothing was exported.");
        }
        List<Path> made = new ArrayList<>();
        progress.begin("Exporting evidence #" + number + " of " + id, e.size());
        boolean done = false;
        try {
            copyVerified(e, target, made, progress, "exported");
            record(id, CustodyAction.EVIDENCE_EXPORTED, "#" + number + " " + e.originalName() + ", sha256 " + e.sha256()
                    + " (verified), to " + target + ": " + why);
            done = true;
            return target;
        } finally {
            if (!done) {
                made.forEach(Workspace::deleteQuietly);
            }
        }
    }

    // ---- copying ----

    /** What a copy of the workspace carried: cases, database rows, search entries and evidence files. */
    public record CopyReport(int cases, long rows, int indexEntries, int evidenceFiles) {
    }

    /**
     * Copies this workspace into {@code target}, which must be new and empty: a local workspace into a team one,
     * or back. The evidence files are copied first, each checked against its recorded SHA-256 and made read-only;
     * then every record goes over in one transaction of the target, custody logs row for row, so that their hash
     * chains verify on the copy. A failure leaves the target as it was: no case, no file of the copy.
     */
    public CopyReport copyTo(Workspace target, Progress progress) throws WorkspaceException {
        List<Evidence> files = new ArrayList<>();
        for (Case c : cases(true)) {
            for (Evidence e : evidence(c.id())) {
                if (!e.isPurged()) {
                    files.add(e);
                }
            }
        }
        progress.begin("Copying the workspace into " + target.location(), files.stream().mapToLong(Evidence::size).sum());
        List<Path> made = new ArrayList<>();
        boolean done = false;
        try {
            for (Evidence e : files) {
                if (progress.cancelled()) {
                    throw new WorkspaceException("The copy was cancelled. Nothing was copied.");
                }
                copyEvidenceFile(e, target.storedFile(e), made, progress);
            }
            org.proxyscope.core.internal.store.WorkspaceCopier.Copied copied =
                    org.proxyscope.core.internal.store.WorkspaceCopier.copy(database, target.database);
            done = true;
            return new CopyReport(copied.cases(), copied.rows(), copied.indexEntries(), files.size());
        } finally {
            if (!done) {
                made.forEach(Workspace::deleteQuietly);
            }
        }
    }

    private void copyEvidenceFile(Evidence e, Path to, List<Path> made, Progress progress) throws WorkspaceException {
        if (Files.exists(to)) {
            return; // the same name is the same hash: a shared folder that holds it already
        }
        copyVerified(e, to, made, progress, "copied");
    }

    /**
     * Copies an evidence file out of the store to {@code to}, hashed as it is copied, read-only, or not at all: a hash
     * other than the recorded one, a cancel or an I/O error leaves nothing at {@code to} ("Nothing was {@code done}").
     * What it wrote goes into {@code made}, for the caller to remove should a later step fail.
     */
    private void copyVerified(Evidence e, Path to, List<Path> made, Progress progress, String done) throws WorkspaceException {
        Path from = storedFile(e);
        String nothing = " Nothing was " + done + ".";
        try {
            Files.createDirectories(to.getParent());
            Path incoming = TempPaths.file(to.getParent(), INCOMING + ProcessHandle.current().pid() + "-", "");
            made.add(incoming);
            String actual;
            // hashed and copied in one pass, as an evidence add does
            try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(incoming, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    HashingChannel copying = new HashingChannel(in, from, out)) {
                readToEnd(copying, progress);
                if (progress.cancelled()) {
                    throw new WorkspaceException("The copy was cancelled." + nothing);
                }
                actual = copying.sha256();
                out.force(true);
            }
            if (!actual.equals(e.sha256())) {
                throw new WorkspaceException("Evidence #" + e.number() + " of " + e.caseId() + " (" + from + ") no longer has its recorded"
                        + " SHA-256 " + e.sha256() + " but " + actual + "; run case verify on it." + nothing);
            }
            Files.move(incoming, to, StandardCopyOption.ATOMIC_MOVE);
            made.set(made.size() - 1, to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("r--r--r--"));
        } catch (IOException io) {
            throw new WorkspaceException("Cannot copy evidence #" + e.number() + " of " + e.caseId() + " to " + to + ": " + describe(io)
                    + "." + nothing, io);
        }
    }

    // ---- verification ----

    /**
     * Re-hashes every evidence file of the case and recomputes its custody chain; the report names every
     * file that changed, vanished or became writable, and every custody entry altered, removed or added.
     */
    public VerificationReport verify(CaseId id, Progress progress) throws WorkspaceException {
        List<Evidence> evidence = evidence(id);
        List<CustodyEntry> log = custody(id);
        String head = database.read("read the custody head of " + id, c -> cases.custodyHead(c, id));
        List<String> problems = new ArrayList<>();
        progress.begin("Verifying " + id, evidence.stream().mapToLong(Evidence::size).sum());
        for (Evidence e : evidence) {
            if (!e.isPurged()) {
                checkEvidence(e, progress, problems);
            } else if (Files.exists(storedFile(e))) {
                problems.add("Evidence #" + e.number() + " (" + e.originalName() + ") is recorded as purged but its file is still there");
            }
        }
        String previous = CaseRepository.GENESIS;
        int expectedSeq = 1;
        for (CustodyEntry entry : log) {
            if (entry.sequence() != expectedSeq) {
                problems.add("Custody log: entries " + expectedSeq + " to " + (entry.sequence() - 1) + " are missing");
            }
            if (!entry.previousHash().equals(previous)) {
                problems.add("Custody log: entry " + entry.sequence() + " does not follow the entry before it"
                        + " (an entry was removed or altered)");
            }
            String recomputed = CaseRepository.custodyHash(id, entry.sequence(), entry.at(), entry.analyst(), entry.actionWord(),
                    entry.details(), entry.previousHash());
            if (!recomputed.equals(entry.hash())) {
                problems.add("Custody log: entry " + entry.sequence() + " (" + entry.actionWord() + " at " + entry.at()
                        + ") was altered after it was written");
            }
            previous = entry.hash();
            expectedSeq = entry.sequence() + 1;
        }
        if (!previous.equals(head)) {
            problems.add("Custody log: its last entry is not the one the case recorded (entries were removed or added at the end)");
        }
        return new VerificationReport(id, evidence.size(), log.size(), problems);
    }

    private void checkEvidence(Evidence e, Progress progress, List<String> problems) {
        Path stored = storedFile(e);
        String name = "Evidence #" + e.number() + " (" + e.originalName() + ", " + e.storedAs() + ")";
        try {
            if (Files.getPosixFilePermissions(stored).stream().anyMatch(p -> p.name().endsWith("WRITE"))) {
                problems.add(name + " is no longer read-only");
            }
            MessageDigest sha = Sha256.newDigest();
            long size = 0;
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(stored)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    size += n;
                    progress.advance(n);
                }
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(e.sha256()) || size != e.size()) {
                problems.add(name + " has changed: recorded SHA-256 " + e.sha256() + " and " + e.size()
                        + " bytes, now " + actual + " and " + size + " bytes");
            }
        } catch (NoSuchFileException missing) {
            problems.add(name + " is missing");
        } catch (IOException failure) {
            problems.add(name + " cannot be read: " + failure.getMessage());
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() != null ? " (" + fs.getFile() + ")" : "");
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray ".incoming-" file is never registered and is ignored by verification
        }
    }

    @Override
    public void close() throws WorkspaceException {
        for (AutoCloseable watch : watches) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Could not stop following other processes' changes: " + e.getMessage());
            }
        }
        database.close();
    }
}
