package org.proxyscope.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.SearchHit;

/**
 * A search that matches more records than it ranks ranks those written last; one that matches fewer ranks them all.
 * A phrase's window is where its words are, and gives way to all its matches when it holds too few.
 */
class SearchWindowTest {

    @TempDir
    Path tmp;

    @Test
    void beyondTheWindowTheRecordsWrittenLastAreRanked() throws Exception {
        List<Case> made = new java.util.ArrayList<>();
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            made.add(ws.createCase(NewCase.of("relay relay relay open relay", "192.0.2.1", "", "", "high", List.of())));
            made.add(ws.createCase(NewCase.of("relay seen once", "192.0.2.2", "", "", "high", List.of())));
            made.add(ws.createCase(NewCase.of("a relay again", "192.0.2.3", "", "", "high", List.of())));
        }
        Database database = Database.open(tmp.resolve("ws/.proxyscope/workspace.db"));
        try {
            CaseRepository cases = new CaseRepository(database);
            List<String> all = database.read("search", c -> titles(cases.searchIndex(c, "relay", Optional.empty(), 10, 100)));
            assertEquals("relay relay relay open relay", all.get(0), "within the window, bm25 puts the best first");
            assertEquals(3, all.size());
            List<String> window = database.read("search", c -> titles(cases.searchIndex(c, "relay", Optional.empty(), 10, 2)));
            assertEquals(java.util.Set.of("relay seen once", "a relay again"), java.util.Set.copyOf(window),
                    "only the two written last are ranked");
            assertEquals(List.of("a relay again"),
                    database.read("search", c -> titles(cases.searchIndex(c, "relay", Optional.of(made.get(2).id()), 10, 2))));
        } finally {
            database.close();
        }
    }

    @Test
    void aPhraseIsRankedWhereItsWordsAreAndARareOneIsFoundHoweverOld() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            // the best match by bm25 (the shortest record), and the oldest
            ws.createCase(NewCase.of("remote administration", "192.0.2.1", "", "", "high", List.of()));
            for (int i = 0; i < 6; i++) {
                ws.createCase(NewCase.of("administration of the remote line " + i, "192.0.2." + (10 + i), "", "", "high", List.of()));
            }
            for (int i = 0; i < 3; i++) {
                ws.createCase(NewCase.of("remote administration again " + i, "192.0.2." + (20 + i), "", "", "high", List.of()));
            }
        }
        Database database = Database.open(tmp.resolve("ws/.proxyscope/workspace.db"));
        try {
            CaseRepository cases = new CaseRepository(database);
            // the four records written last that hold both words hold three of the phrase's matches: two asked for
            List<String> window = database.read("search", c -> titles(cases.searchIndex(c, "\"remote administration\"", Optional.empty(), 2, 4)));
            assertEquals(2, window.size());
            assertTrue(window.stream().allMatch(t -> t.startsWith("remote administration again")), window.toString());
            // ten asked for, three in the window: all the phrase's matches are ranked, the oldest too
            List<String> all = database.read("search", c -> titles(cases.searchIndex(c, "\"remote administration\"", Optional.empty(), 10, 4)));
            assertEquals(4, all.size(), all.toString());
            assertEquals("remote administration", all.get(0), "the oldest ranks first when it is ranked");
        } finally {
            database.close();
        }
    }

    @Test
    void aPhraseGivesWayToAllItsWordsInBrackets() {
        assertEquals(List.of(new SearchQuery.Word("x", false), new SearchQuery.Operator("AND"), new SearchQuery.Bracket(true),
                new SearchQuery.Word("open", false), new SearchQuery.Operator("AND"), new SearchQuery.Word("192.0.2.7:1080", false),
                new SearchQuery.Bracket(false), new SearchQuery.Operator("OR"), new SearchQuery.Phrase("--")),
                SearchQuery.wordsOfPhrases(SearchQuery.parse("x \"open 192.0.2.7:1080\" OR \"--\"")),
                "a phrase of punctuation alone stays as it is");
    }

    private static List<String> titles(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::title).toList();
    }
}
