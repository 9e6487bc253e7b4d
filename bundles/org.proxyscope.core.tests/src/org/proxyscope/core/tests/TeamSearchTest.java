package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.proxyscope.core.Workspace;

/** The search tests again on a team workspace: PostgreSQL's own full-text search must find the same. */
class TeamSearchTest extends SearchTest {

    @BeforeAll
    static void server() {
        assumeTrue(TestServer.available(), "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
    }

    @Override
    protected Workspace open() throws Exception {
        return Workspace.open(TestServer.newWorkspace(tmp.resolve("ws")), "alice", TestServer.password());
    }

    /** A body larger than one PostgreSQL tsvector holds (1 MB) is indexed as far as fits, and found by its words. */
    @org.junit.jupiter.api.Test
    void tenMegabytesOfTextAreIndexed() throws Exception {
        try (Workspace ws = open()) {
            org.proxyscope.core.model.Case c = ws.createCase(org.proxyscope.core.model.NewCase.of("Long log", "192.0.2.7", "", "", "",
                    java.util.List.of()));
            StringBuilder body = new StringBuilder("relayedthrough 198.51.100.25:25 at the start. ");
            for (int i = 0; body.length() < 10 << 20; i++) {
                body.append("line ").append(i).append(" word").append(i % 100_000).append(' ');
            }
            ws.store(new org.proxyscope.core.store.StoreSchema("org.example.long", java.util.List.of())).write(c.id(), "note", tx -> {
                tx.index("note", "1", "Server log", body.toString());
                return null;
            });
            java.util.List<org.proxyscope.core.model.SearchHit> hits = ws.searchEverything("relayedthrough", java.util.Optional.empty(), 5);
            org.junit.jupiter.api.Assertions.assertEquals(1, hits.size());
            org.junit.jupiter.api.Assertions.assertTrue(hits.get(0).snippet().startsWith("«relayedthrough» 198.51.100.25:25 at the start."),
                    hits.get(0).snippet());
            org.junit.jupiter.api.Assertions.assertEquals(1, ws.searchEverything("198.51.100.25", java.util.Optional.empty(), 5).size());
        }
    }
}
