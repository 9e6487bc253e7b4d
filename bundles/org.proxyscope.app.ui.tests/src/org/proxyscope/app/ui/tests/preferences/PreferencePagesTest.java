package org.proxyscope.app.ui.tests.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.proxyscope.app.ui.internal.RecentWorkspaces;
import org.proxyscope.app.ui.internal.preferences.GeneralPreferencePage;
import org.proxyscope.app.ui.internal.preferences.NodePreferenceStore;
import org.proxyscope.app.ui.internal.preferences.PreferencePages;
import org.proxyscope.app.ui.tests.support.Widgets;

class PreferencePagesTest {

    private static final String ASK = "&Ask for the workspace at start-up";

    @Test
    void theGeneralPageComesFromTheExtensionPoint() {
        PreferenceManager manager = PreferencePages.fromRegistry(RegistryFactory.getRegistry(), null);
        List<IPreferenceNode> roots = List.of(manager.getRootSubNodes());
        IPreferenceNode general = roots.stream().filter(n -> n.getId().equals("org.proxyscope.app.preferences.general"))
                .findFirst().orElseThrow();
        assertEquals("General", general.getLabelText());
        general.createPage();
        assertInstanceOf(GeneralPreferencePage.class, general.getPage());
    }

    @Test
    void okInThePreferencesDialogSavesTheGeneralPage() throws Exception {
        IEclipsePreferences node = ConfigurationScope.INSTANCE.getNode(org.proxyscope.app.ui.internal.ProxyscopeApplication.SETTINGS);
        node.remove(RecentWorkspaces.KEY_ASK);
        Display.getDefault();
        PreferenceDialog dialog = new PreferenceDialog(null, PreferencePages.fromRegistry(RegistryFactory.getRegistry(), null));
        dialog.setBlockOnOpen(false);
        dialog.setSelectedNode("org.proxyscope.app.preferences.general");
        dialog.open();
        try {
            Button ask = Widgets.button(dialog.getShell(), ASK);
            assertTrue(ask.getSelection(), "asking is the default");
            Widgets.click(ask);
            Widgets.click(Widgets.button(dialog.getShell(), "Apply and Close"));
            assertEquals("false", node.get(RecentWorkspaces.KEY_ASK, null));
        } finally {
            dialog.close();
            node.remove(RecentWorkspaces.KEY_ASK);
            node.flush();
        }
    }

    @Test
    void storeKeepsOnlyValuesThatDifferFromTheirDefault() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode("org.proxyscope.app.ui.tests.store");
        NodePreferenceStore store = new NodePreferenceStore(node);
        store.setDefault("timeoutMs", 5000);
        store.setValue("timeoutMs", 1500);
        store.setValue("canaryDomain", "canary.example");
        store.save();
        assertEquals("1500", node.get("timeoutMs", null));
        assertEquals("canary.example", new NodePreferenceStore(node).getString("canaryDomain"));
        store.setToDefault("timeoutMs");
        store.setValue("canaryDomain", "");
        store.save();
        assertNull(node.get("timeoutMs", null));
        assertFalse(List.of(node.keys()).contains("timeoutMs"));
        node.removeNode();
    }
}
