package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceLocation;

/** Every workspace test again, on a team workspace: the cases in PostgreSQL, the evidence in a shared folder. */
class TeamWorkspaceTest extends WorkspaceTest {

    private WorkspaceLocation.Team team;

    @BeforeAll
    static void server() {
        assumeTrue(TestServer.available(), "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
    }

    @Override
    protected Workspace open(String analyst) throws Exception {
        if (team == null) {
            team = TestServer.newWorkspace(tmp.resolve("ws"));
        }
        return Workspace.open(team, analyst, TestServer.password());
    }

    @Override
    protected void tamper(String sql) throws Exception {
        TestServer.sql(team, sql);
    }
}
