package org.proxyscope.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.SearchHit;

/** A search that matches more records than it ranks ranks those written last; one that matches fewer ranks them all. */
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

    private static List<String> titles(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::title).toList();
    }
}
