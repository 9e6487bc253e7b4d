package org.proxyscope.app.ui.tests;

import org.proxyscope.app.ui.internal.RecentWorkspaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.Preferences;

class RecentWorkspacesTest {

    private Preferences node;
    private RecentWorkspaces recent;

    @BeforeEach
    void freshNode() {
        node = InstanceScope.INSTANCE.getNode("org.proxyscope.app.ui.tests.recent").node(Long.toString(System.nanoTime()));
        recent = new RecentWorkspaces(node);
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicates() throws Exception {
        recent.opened(Path.of("/ws/a"), true);
        recent.opened(Path.of("/ws/b"), true);
        recent.opened(Path.of("/ws/a"), true);
        assertEquals(List.of(Path.of("/ws/a"), Path.of("/ws/b")), recent.list());
    }

    @Test
    void keepsNoMoreThanTheLimit() throws Exception {
        node.putInt(RecentWorkspaces.KEY_LIMIT, 3);
        for (int i = 1; i <= 5; i++) {
            recent.opened(Path.of("/ws/" + i), true);
        }
        assertEquals(List.of(Path.of("/ws/5"), Path.of("/ws/4"), Path.of("/ws/3")), recent.list());
    }

    @Test
    void asksUnlessTheAnalystChoseADefault() throws Exception {
        assertTrue(recent.askOnStartup());
        assertEquals(Optional.empty(), recent.openWithoutAsking());
        recent.opened(Path.of("/ws/main"), false);
        assertEquals(Optional.of(Path.of("/ws/main")), recent.openWithoutAsking());
        // a fresh reader of the same node sees the saved choice
        assertEquals(Optional.of(Path.of("/ws/main")), new RecentWorkspaces(node).openWithoutAsking());
    }
}
