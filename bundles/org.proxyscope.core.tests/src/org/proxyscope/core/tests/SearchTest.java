package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.SearchEntry;
import org.proxyscope.core.store.StoreSchema;
import org.proxyscope.core.store.WorkspaceStore;

/**
 * The workspace-wide search over a real SQLite file (and, in {@link TeamSearchTest}, a team workspace's PostgreSQL
 * database): what it finds, in what order, and what it refuses.
 */
class SearchTest {

    private static final StoreSchema NOTES = new StoreSchema("org.example.search", List.of(new Migration(1,
            List.of("CREATE TABLE example_notes (case_id TEXT NOT NULL, no INTEGER NOT NULL)"))));

    @TempDir
    protected Path tmp;

    /** The workspace searched. */
    protected Workspace open() throws Exception {
        return Workspace.open(tmp.resolve("ws"), "alice");
    }

    private static List<String> where(List<SearchHit> hits) {
        return hits.stream().map(h -> h.caseId() + " " + h.kind() + " " + h.ref()).toList();
    }

    @Test
    void findsCasesEvidenceAndPlugInRecordsByAddressPhraseAndPrefix() throws Exception {
        try (Workspace ws = open()) {
            Case a = ws.createCase(NewCase.of("SOCKS proxy at the dentist", "192.0.2.7", "", "KUNDE-4711", "high", List.of("socks")));
            Case b = ws.createCase(NewCase.of("Squid on a school line", "198.51.100.20", "", "KUNDE-0815", "low", List.of()));
            ws.addEvidence(a.id(), Files.writeString(tmp.resolve("netstat-192.0.2.7.txt"), "x"), "customer PC", Progress.NONE);
            WorkspaceStore store = ws.store(NOTES);
            store.write(b.id(), "note", tx -> {
                tx.index("note", "1", "Call with the school", "The client 192.0.2.7 used the school's squid to send spam; the dentist's PC too");
                return tx.custody(CustodyAction.NOTE_EDITED, "note 1 created");
            });
            assertEquals(Set.of(a.id() + " case ", b.id() + " note 1", a.id() + " evidence 1"),
                    Set.copyOf(where(ws.searchEverything("192.0.2.7", Optional.empty(), 20))),
                    "the address is found in the case's target, a note's text and an evidence file's name");
            assertEquals(List.of(a.id() + " case ", b.id() + " note 1"), where(ws.searchEverything("dentist", Optional.empty(), 20)),
                    "a match in a title ranks before one in a text");
            assertEquals(List.of(b.id() + " note 1"), where(ws.searchEverything("\"school's squid\"", Optional.empty(), 20)));
            assertEquals(Set.of(a.id() + " case ", b.id() + " case "),
                    Set.copyOf(where(ws.searchEverything("KUNDE*", Optional.empty(), 20))), "a prefix");
            assertEquals(List.of(b.id() + " note 1"), where(ws.searchEverything("192.0.2.7", Optional.of(b.id()), 20)));
            assertEquals(List.of(a.id() + " case "), where(ws.searchEverything("dentist NOT school", Optional.empty(), 20)));
            assertEquals(List.of(b.id() + " case ", b.id() + " note 1"), where(ws.searchEverything("(school OR nothing) AND squid",
                    Optional.empty(), 20)));
            SearchHit note = ws.searchEverything("spam", Optional.empty(), 1).get(0);
            assertEquals("Call with the school", note.title());
            assertTrue(note.snippet().contains("«spam»"), note.snippet());
        }
    }

    /**
     * A word is found at a sentence's end and before a colon, and as the first part of a joined word: a program's file,
     * a mailbox, an address with its port. An address never finds a longer one, nor a word one that merely begins alike.
     */
    @Test
    void aWordIsFoundAtASentencesEndAndAsTheFirstPartOfAJoinedWord() throws Exception {
        try (Workspace ws = open()) {
            Case a = ws.createCase(NewCase.of("Trojan at the dentist", "192.0.2.7", "", "", "high", List.of()));
            WorkspaceStore store = ws.store(NOTES);
            store.write(a.id(), "notes", tx -> {
                tx.index("note", "1", "Call", "The customer reinstalled the machine. Its trojan was wupdate.exe, listening on"
                        + " 192.0.2.7:1080; its mail came from alice@victim.test. Status: closed");
                tx.index("note", "2", "Neighbour", "Another line, 192.0.2.70, runs wupdater and a machinery of its own.");
                return tx.custody(CustodyAction.NOTE_EDITED, "notes 1 and 2 created");
            });
            for (String typed : List.of("machine", "reinstalled machine", "\"reinstalled the machine\"", "wupdate", "wupdate.exe",
                    "alice", "192.0.2.7:1080", "status", "closed")) {
                assertEquals(List.of(a.id() + " note 1"), where(ws.searchEverything(typed, Optional.empty(), 20).stream()
                        .filter(h -> h.kind().equals("note")).toList()), typed);
            }
            assertEquals(Set.of(a.id() + " case ", a.id() + " note 1"),
                    Set.copyOf(where(ws.searchEverything("192.0.2.7", Optional.empty(), 20))),
                    "192.0.2.7:1080 is the address, 192.0.2.70 another");
            assertEquals(List.of(a.id() + " note 2"), where(ws.searchEverything("own", Optional.empty(), 20)));
            SearchHit program = ws.searchEverything("wupdate", Optional.empty(), 20).get(0);
            assertTrue(program.snippet().contains("«wupdate.exe"), program.snippet());
        }
    }

    @Test
    void anEditIsFoundAtOnceAndARolledBackOneNever() throws Exception {
        try (Workspace ws = open()) {
            Case c = ws.createCase(NewCase.of("Open relay", "192.0.2.25", "", "", "high", List.of()));
            WorkspaceStore store = ws.store(NOTES);
            store.write(c.id(), "note", tx -> {
                tx.index("note", "1", "First thoughts", "wingate banner seen");
                return null;
            });
            store.write(c.id(), "edit", tx -> {
                tx.index("note", "1", "First thoughts", "an exim relay, not wingate after all");
                return null;
            });
            assertEquals(List.of(), where(ws.searchEverything("banner", Optional.empty(), 20)), "the old text is gone");
            assertEquals(1, ws.searchEverything("exim", Optional.empty(), 20).size());
            assertThrows(WorkspaceException.class, () -> store.write(c.id(), "failing", tx -> {
                tx.index("note", "2", "Lost", "phantomword");
                throw new WorkspaceException("the disk is full");
            }));
            assertEquals(List.of(), where(ws.searchEverything("phantomword", Optional.empty(), 20)));
            store.write(c.id(), "delete", tx -> {
                tx.unindex("note", "1");
                return null;
            });
            assertEquals(List.of(), where(ws.searchEverything("exim", Optional.empty(), 20)), "a deleted note is gone");
        }
    }

    @Test
    void manyRecordsAtOnceAreFoundInTheirOrderAndEachReplacesWhatItSaidBefore() throws Exception {
        try (Workspace ws = open()) {
            Case c = ws.createCase(NewCase.of("Busy SOCKS proxy", "192.0.2.7", "", "", "high", List.of()));
            Case other = ws.createCase(NewCase.of("Another host", "192.0.2.8", "", "", "low", List.of()));
            WorkspaceStore store = ws.store(NOTES);
            for (Case x : List.of(c, other)) {
                store.write(x.id(), "one session", tx -> {
                    tx.index("session", "1/2", "Before", "stalephrase");
                    return null;
                });
            }
            List<SearchEntry> entries = new ArrayList<>();
            for (int i = 300; i > 0; i--) { // in an order of their own, not the refs' order
                entries.add(new SearchEntry("1/" + i, "socks5 from 198.51.100." + i + " \"quoted\" \u00ab\u00bb \\", "established: the canary came back, ref" + i));
            }
            store.write(c.id(), "the capture's sessions", tx -> {
                tx.index("session", entries);
                return null;
            });
            assertEquals(List.of(other.id() + " session 1/2"), where(ws.searchEverything("stalephrase", Optional.empty(), 20)),
                    "the entry with the same ref in this case is replaced, the other case's is not");
            assertEquals(entries.stream().map(e -> c.id() + " session " + e.ref()).toList(),
                    where(ws.indexedRecords(c.id(), "session", "1/", 1000)), "kept in the order given");
            assertEquals(Optional.of("socks5 from 198.51.100.2 \"quoted\" \u00ab\u00bb \\"), ws.indexedTitle(c.id(), "session", "1/2"),
                    "quotes, backslashes and non-ASCII letters kept as they were");
            SearchHit hit = ws.searchEverything("ref17", Optional.of(c.id()), 20).get(0);
            assertEquals("1/17", hit.ref());
            assertEquals(List.of(c.id() + " session 1/17"), where(ws.searchEverything("\"198.51.100.17\"", Optional.empty(), 20)));
            store.write(c.id(), "again", tx -> {
                tx.index("session", List.of(new SearchEntry("1/17", "socks4 from 198.51.100.17", "refused")));
                return null;
            });
            assertEquals(List.of(), ws.searchEverything("ref17", Optional.empty(), 20), "indexed again, the old text is gone");
            assertEquals(300, ws.indexedRecords(c.id(), "session", "", 1000).size());
        }
    }

    @Test
    void aQueryItCannotReadIsSaidInOneLine() throws Exception {
        try (Workspace ws = open()) {
            for (String[] bad : List.of(new String[] {"\"unbalanced", "the quote at character 1 is not closed"},
                    new String[] {"AND OR", "AND needs a word before it"}, new String[] {"squid AND", "AND needs a word after it"},
                    new String[] {"  ", "there is nothing to search for"})) {
                WorkspaceException e = assertThrows(WorkspaceException.class,
                        () -> ws.searchEverything(bad[0], Optional.empty(), 20));
                assertEquals("Cannot search for " + bad[0] + ": " + bad[1], e.getMessage());
            }
            assertEquals(List.of(), ws.searchEverything("x:y.z-w@ \"\" *", Optional.empty(), 20), "odd characters are words, not syntax");
        }
    }
}
