package org.proxyscope.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.store.CaseTransaction;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.StoreSchema;
import org.proxyscope.core.store.WorkspaceStore;

/**
 * The notes a case keeps, every version of each, in the workspace database: all SQL of the notes plug-in.
 * Each save is a new version, committed with its custody entry and its place in the workspace-wide search,
 * so the search never finds text that is gone, nor misses text that was saved.
 */
public final class Notes {

    /** The most text one note holds: a megabyte of notes is a document, not a note. */
    public static final int MAX_TEXT = 1 << 20;

    static final StoreSchema SCHEMA = new StoreSchema("org.proxyscope.notes", List.of(new Migration(1, List.of("""
            CREATE TABLE notes (
                case_id      TEXT NOT NULL REFERENCES cases(case_id),
                note_no      INTEGER NOT NULL,
                title        TEXT NOT NULL,
                tags         TEXT NOT NULL,
                for_report   INTEGER NOT NULL,
                report_order INTEGER NOT NULL,
                version      INTEGER NOT NULL,
                created_at   TEXT NOT NULL,
                created_by   TEXT NOT NULL,
                updated_at   TEXT NOT NULL,
                updated_by   TEXT NOT NULL,
                deleted_at   TEXT,
                PRIMARY KEY (case_id, note_no))""", """
            CREATE TABLE note_versions (
                case_id  TEXT NOT NULL,
                note_no  INTEGER NOT NULL,
                version  INTEGER NOT NULL,
                title    TEXT NOT NULL,
                text     TEXT NOT NULL,
                saved_at TEXT NOT NULL,
                author   TEXT NOT NULL,
                action   TEXT NOT NULL,
                PRIMARY KEY (case_id, note_no, version),
                FOREIGN KEY (case_id, note_no) REFERENCES notes(case_id, note_no))"""))));

    private final WorkspaceStore store;

    private Notes(WorkspaceStore store) {
        this.store = store;
    }

    /** The notes of {@code workspace}; creates their tables on first use. */
    public static Notes of(Workspace workspace) throws WorkspaceException {
        return new Notes(workspace.store(SCHEMA));
    }

    /** Adds a note as its version 1. */
    public Note add(CaseId id, String title, String text, List<String> tags, boolean forReport) throws WorkspaceException {
        String body = checkText(text);
        String name = title == null || title.isBlank() ? firstLine(body) : title.strip();
        return store.write(id, "add a note to " + id, tx -> {
            int number = next(tx.connection(), "SELECT COALESCE(MAX(note_no), 0) + 1 FROM notes WHERE case_id = ?", id);
            int order = forReport ? next(tx.connection(), "SELECT COALESCE(MAX(report_order), 0) + 1 FROM notes WHERE case_id = ?", id) : 0;
            try (PreparedStatement s = tx.connection().prepareStatement("INSERT INTO notes (case_id, note_no, title, tags, for_report,"
                    + " report_order, version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
                s.setString(1, id.toString());
                s.setInt(2, number);
                s.setString(3, name);
                s.setString(4, String.join(",", cleanTags(tags)));
                s.setInt(5, forReport ? 1 : 0);
                s.setInt(6, order);
                s.setString(7, tx.now().toString());
                s.setString(8, tx.analyst());
                s.setString(9, tx.now().toString());
                s.setString(10, tx.analyst());
                s.executeUpdate();
            }
            saveVersion(tx, number, 1, name, body, "created");
            tx.custody(CustodyAction.NOTE_EDITED, "note " + number + " \"" + name + "\" created (version 1)");
            Note note = read(tx.connection(), id, number).orElseThrow();
            index(tx, number, name, body, note.tags());
            return note;
        });
    }

    /** Saves new text (and, when given, a new title) as the note's next version. */
    public Note edit(CaseId id, int number, Optional<String> title, String text) throws WorkspaceException {
        String body = checkText(text);
        return store.write(id, "edit note " + number + " of " + id, tx -> {
            Note current = live(tx.connection(), id, number);
            String name = title.filter(t -> !t.isBlank()).map(String::strip).orElse(current.title());
            return update(tx, current, name, body, "edited", "edited");
        });
    }

    /** Makes an earlier version current again, as a new version: nothing of the history is lost. */
    public Note restore(CaseId id, int number, int version) throws WorkspaceException {
        return store.write(id, "restore note " + number + " of " + id, tx -> {
            Note current = live(tx.connection(), id, number);
            NoteVersion old = version(tx.connection(), id, number, version);
            return update(tx, current, old.title(), old.text(), "restored from version " + version, "restored from version " + version);
        });
    }

    /** Marks the note for the report (last among those marked) or takes it out. */
    public Note markForReport(CaseId id, int number, boolean forReport) throws WorkspaceException {
        return store.write(id, "mark note " + number + " of " + id, tx -> {
            Note current = live(tx.connection(), id, number);
            int order = forReport ? next(tx.connection(), "SELECT COALESCE(MAX(report_order), 0) + 1 FROM notes WHERE case_id = ?", id)
                    : 0;
            try (PreparedStatement s = tx.connection().prepareStatement(
                    "UPDATE notes SET for_report = ?, report_order = ? WHERE case_id = ? AND note_no = ?")) {
                s.setInt(1, forReport ? 1 : 0);
                s.setInt(2, order);
                s.setString(3, id.toString());
                s.setInt(4, number);
                s.executeUpdate();
            }
            tx.custody(CustodyAction.NOTE_EDITED, "note " + number + " \"" + current.title() + "\" " + (forReport ? "marked for"
                    : "taken out of") + " the report");
            return read(tx.connection(), id, number).orElseThrow();
        });
    }

    /** Gives the note these tags instead of those it had. */
    public Note tag(CaseId id, int number, List<String> tags) throws WorkspaceException {
        List<String> clean = cleanTags(tags);
        return store.write(id, "tag note " + number + " of " + id, tx -> {
            Note current = live(tx.connection(), id, number);
            try (PreparedStatement s = tx.connection().prepareStatement("UPDATE notes SET tags = ? WHERE case_id = ? AND note_no = ?")) {
                s.setString(1, String.join(",", clean));
                s.setString(2, id.toString());
                s.setInt(3, number);
                s.executeUpdate();
            }
            tx.custody(CustodyAction.NOTE_EDITED, "note " + number + " \"" + current.title() + "\" tagged "
                    + (clean.isEmpty() ? "with nothing" : String.join(", ", clean)));
            index(tx, number, current.title(), current.text(), clean);
            return read(tx.connection(), id, number).orElseThrow();
        });
    }

    /**
     * Puts the report's notes in this order: those named first, as named, then the other notes marked for the
     * report in the order they had.
     */
    public List<Note> orderForReport(CaseId id, List<Integer> first) throws WorkspaceException {
        store.write(id, "order the report notes of " + id, tx -> {
            List<Integer> marked = new ArrayList<>();
            try (PreparedStatement s = tx.connection().prepareStatement("SELECT note_no FROM notes WHERE case_id = ? AND for_report = 1"
                    + " AND deleted_at IS NULL ORDER BY report_order")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        marked.add(r.getInt(1));
                    }
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int number : first) {
                if (!marked.contains(number)) {
                    throw new NoteException("Note " + number + " of " + id + " is not marked for the report; only those are ordered");
                }
                if (!order.contains(number)) {
                    order.add(number);
                }
            }
            marked.stream().filter(n -> !order.contains(n)).forEach(order::add);
            try (PreparedStatement s = tx.connection().prepareStatement("UPDATE notes SET report_order = ? WHERE case_id = ? AND note_no = ?")) {
                for (int i = 0; i < order.size(); i++) {
                    s.setInt(1, i + 1);
                    s.setString(2, id.toString());
                    s.setInt(3, order.get(i));
                    s.addBatch();
                }
                s.executeBatch();
            }
            tx.custody(CustodyAction.NOTE_EDITED, "report notes ordered: " + String.join(", ", order.stream().map(String::valueOf).toList()));
            return null;
        });
        return forReport(id);
    }

    /** Deletes the note: it leaves lists and search; its versions and the custody log keep what it said. */
    public void delete(CaseId id, int number, String reason) throws WorkspaceException {
        if (reason == null || reason.isBlank()) {
            throw new NoteException("Give a reason for deleting a note; it goes to the custody log");
        }
        store.write(id, "delete note " + number + " of " + id, tx -> {
            Note current = live(tx.connection(), id, number);
            try (PreparedStatement s = tx.connection().prepareStatement(
                    "UPDATE notes SET deleted_at = ?, version = ? WHERE case_id = ? AND note_no = ?")) {
                s.setString(1, tx.now().toString());
                s.setInt(2, current.version() + 1);
                s.setString(3, id.toString());
                s.setInt(4, number);
                s.executeUpdate();
            }
            saveVersion(tx, number, current.version() + 1, current.title(), current.text(), "deleted: " + reason.strip());
            tx.custody(CustodyAction.NOTE_EDITED, "note " + number + " \"" + current.title() + "\" deleted (version "
                    + (current.version() + 1) + "): " + reason.strip());
            tx.unindex("note", Integer.toString(number));
            return null;
        });
    }

    /** The case's notes that are not deleted, by number. */
    public List<Note> list(CaseId id) throws WorkspaceException {
        return store.read("read the notes of " + id, c -> {
            List<Note> notes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE n.case_id = ? AND n.deleted_at IS NULL ORDER BY n.note_no")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        notes.add(note(id, r));
                    }
                }
            }
            return notes;
        });
    }

    /** The notes marked for the report, in their report order. */
    public List<Note> forReport(CaseId id) throws WorkspaceException {
        return list(id).stream().filter(Note::forReport).sorted(java.util.Comparator.comparingInt(Note::reportOrder)).toList();
    }

    public Optional<Note> find(CaseId id, int number) throws WorkspaceException {
        return store.read("read note " + number + " of " + id, c -> deleted(c, id, number) ? Optional.<Note>empty() : read(c, id, number));
    }

    /** Every version of the note, oldest first; a deleted note's too. */
    public List<NoteVersion> history(CaseId id, int number) throws WorkspaceException {
        return store.read("read the history of note " + number + " of " + id, c -> {
            List<NoteVersion> versions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT version, title, text, saved_at, author, action FROM note_versions"
                    + " WHERE case_id = ? AND note_no = ? ORDER BY version")) {
                s.setString(1, id.toString());
                s.setInt(2, number);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        versions.add(new NoteVersion(number, r.getInt(1), r.getString(2), r.getString(3), Instant.parse(r.getString(4)),
                                r.getString(5), r.getString(6)));
                    }
                }
            }
            if (versions.isEmpty()) {
                throw new NoteException(id + " has no note " + number);
            }
            return versions;
        });
    }

    public NoteVersion version(CaseId id, int number, int version) throws WorkspaceException {
        return store.read("read version " + version + " of note " + number + " of " + id, c -> version(c, id, number, version));
    }

    /** What changed from one version of the note to another (either may be the earlier). */
    public NoteDiff diff(CaseId id, int number, int from, int to) throws WorkspaceException {
        return store.read("compare versions " + from + " and " + to + " of note " + number + " of " + id,
                c -> NoteDiff.of(version(c, id, number, from), version(c, id, number, to)));
    }

    // ---- SQL ----

    private static final String SELECT = "SELECT n.note_no, n.title, v.text, n.tags, n.for_report, n.report_order, n.version,"
            + " n.created_at, n.created_by, n.updated_at, n.updated_by FROM notes n JOIN note_versions v"
            + " ON v.case_id = n.case_id AND v.note_no = n.note_no AND v.version = n.version";

    private static Note update(CaseTransaction tx, Note current, String title, String text, String action, String said)
            throws SQLException {
        int version = current.version() + 1;
        try (PreparedStatement s = tx.connection().prepareStatement("UPDATE notes SET title = ?, version = ?, updated_at = ?,"
                + " updated_by = ? WHERE case_id = ? AND note_no = ?")) {
            s.setString(1, title);
            s.setInt(2, version);
            s.setString(3, tx.now().toString());
            s.setString(4, tx.analyst());
            s.setString(5, current.caseId().toString());
            s.setInt(6, current.number());
            s.executeUpdate();
        }
        saveVersion(tx, current.number(), version, title, text, action);
        tx.custody(CustodyAction.NOTE_EDITED, "note " + current.number() + " \"" + title + "\" " + said + " (version " + version + ")");
        index(tx, current.number(), title, text, current.tags());
        return read(tx.connection(), current.caseId(), current.number()).orElseThrow();
    }

    /** The note's place in the workspace-wide search: its title, and its text with its tags. */
    private static void index(CaseTransaction tx, int number, String title, String text, List<String> tags) throws SQLException {
        tx.index("note", Integer.toString(number), title, text + " " + String.join(" ", tags));
    }

    private static void saveVersion(CaseTransaction tx, int number, int version, String title, String text, String action)
            throws SQLException {
        try (PreparedStatement s = tx.connection().prepareStatement("INSERT INTO note_versions (case_id, note_no, version, title,"
                + " text, saved_at, author, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, tx.caseId().toString());
            s.setInt(2, number);
            s.setInt(3, version);
            s.setString(4, title);
            s.setString(5, text);
            s.setString(6, tx.now().toString());
            s.setString(7, tx.analyst());
            s.setString(8, action);
            s.executeUpdate();
        }
    }

    private static Note live(Connection c, CaseId id, int number) throws SQLException, NoteException {
        Note note = read(c, id, number).orElseThrow(() -> new NoteException(id + " has no note " + number));
        if (deleted(c, id, number)) {
            throw new NoteException("Note " + number + " of " + id + " was deleted; its history stays readable");
        }
        return note;
    }

    private static Optional<Note> read(Connection c, CaseId id, int number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE n.case_id = ? AND n.note_no = ?")) {
            s.setString(1, id.toString());
            s.setInt(2, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(note(id, r)) : Optional.empty();
            }
        }
    }

    private static boolean deleted(Connection c, CaseId id, int number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT deleted_at FROM notes WHERE case_id = ? AND note_no = ?")) {
            s.setString(1, id.toString());
            s.setInt(2, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null;
            }
        }
    }

    private static NoteVersion version(Connection c, CaseId id, int number, int version) throws SQLException, NoteException {
        try (PreparedStatement s = c.prepareStatement("SELECT title, text, saved_at, author, action FROM note_versions"
                + " WHERE case_id = ? AND note_no = ? AND version = ?")) {
            s.setString(1, id.toString());
            s.setInt(2, number);
            s.setInt(3, version);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NoteException("Note " + number + " of " + id + " has no version " + version);
                }
                return new NoteVersion(number, version, r.getString(1), r.getString(2), Instant.parse(r.getString(3)), r.getString(4),
                        r.getString(5));
            }
        }
    }

    private static Note note(CaseId id, ResultSet r) throws SQLException {
        String tags = r.getString(4);
        return new Note(id, r.getInt(1), r.getString(2), r.getString(3), tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                r.getInt(5) != 0, r.getInt(6), r.getInt(7), Instant.parse(r.getString(8)), r.getString(9), Instant.parse(r.getString(10)),
                r.getString(11));
    }

    private static int next(Connection c, String sql, CaseId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next(); // one row: an aggregate
                return r.getInt(1);
            }
        }
    }

    private static String checkText(String text) throws NoteException {
        if (text == null || text.isBlank()) {
            throw new NoteException("A note needs text");
        }
        if (text.length() > MAX_TEXT) {
            throw new NoteException("A note holds at most " + MAX_TEXT + " characters, not " + text.length()
                    + "; keep a long document as evidence and link it with [[evidence:N]]");
        }
        return text;
    }

    private static List<String> cleanTags(List<String> tags) {
        return tags.stream().map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.replace(",", " ")).distinct().toList();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
