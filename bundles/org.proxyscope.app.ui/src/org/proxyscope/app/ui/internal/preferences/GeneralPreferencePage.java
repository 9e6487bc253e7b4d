package org.proxyscope.app.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.proxyscope.app.ui.internal.ProxyscopeApplication;
import org.proxyscope.app.ui.internal.RecentWorkspaces;

/**
 * Window &gt; Preferences &gt; General: how Proxyscope chooses its workspace at start-up. These settings
 * belong to the installation, not to a workspace, because they are read before any workspace is open.
 */
public final class GeneralPreferencePage extends FieldEditorPreferencePage {

    public GeneralPreferencePage() {
        super(GRID);
        NodePreferenceStore store = new NodePreferenceStore(ConfigurationScope.INSTANCE.getNode(ProxyscopeApplication.SETTINGS));
        store.setDefault(RecentWorkspaces.KEY_ASK, true);
        store.setDefault(RecentWorkspaces.KEY_LIMIT, RecentWorkspaces.DEFAULT_LIMIT);
        setPreferenceStore(store);
        setDescription("How Proxyscope picks the workspace when it starts.");
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(RecentWorkspaces.KEY_ASK, "&Ask for the workspace at start-up",
                getFieldEditorParent()));
        IntegerFieldEditor limit = new IntegerFieldEditor(RecentWorkspaces.KEY_LIMIT,
                "&Recent workspaces to remember:", getFieldEditorParent(), 2);
        limit.setValidRange(1, 20);
        addField(limit);
    }
}
