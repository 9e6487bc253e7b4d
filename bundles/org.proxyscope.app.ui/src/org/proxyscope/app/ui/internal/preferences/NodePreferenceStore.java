package org.proxyscope.app.ui.internal.preferences;

import java.io.IOException;
import java.util.Set;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.jface.preference.PreferenceStore;
import org.osgi.service.prefs.BackingStoreException;

/**
 * A JFace preference store over an Eclipse preference node, so preference pages edit the very values
 * that parts read with {@code @Preference}. (The 3.x ScopedPreferenceStore does this, but lives in the
 * compatibility layer this pure e4 product leaves out.) Values equal to their default are not stored.
 */
public final class NodePreferenceStore extends PreferenceStore {

    private final IEclipsePreferences node;

    public NodePreferenceStore(IEclipsePreferences node) {
        this.node = node;
        try {
            for (String key : node.keys()) {
                putValue(key, node.get(key, ""));
            }
        } catch (BackingStoreException e) {
            throw new IllegalStateException("Cannot read the preferences of " + node.absolutePath(), e);
        }
    }

    @Override
    public void save() throws IOException {
        try {
            Set<String> names = Set.of(preferenceNames());
            for (String key : node.keys()) {
                if (!names.contains(key)) {
                    node.remove(key); // set back to its default
                }
            }
            for (String name : names) {
                if (isDefault(name)) {
                    node.remove(name);
                } else {
                    node.put(name, getString(name));
                }
            }
            node.flush();
        } catch (BackingStoreException e) {
            throw new IOException("Cannot save the preferences of " + node.absolutePath() + ": " + e.getMessage(), e);
        }
    }
}
