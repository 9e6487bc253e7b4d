package org.proxyscope.core.store;

import java.util.List;

/**
 * The tables a plug-in keeps in the workspace database, as numbered migrations of its own. The owner's
 * version is kept beside the core's, so each plug-in migrates its tables independently, on first use, and a
 * plug-in installed later finds an existing workspace as a new one.
 *
 * @param owner      the plug-in's bundle id, e.g. {@code org.proxyscope.probe}; never changed once released
 * @param migrations the steps in version order
 */
public record StoreSchema(String owner, List<Migration> migrations) {

    public StoreSchema {
        migrations = List.copyOf(migrations);
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException(owner + ": migration " + (i + 1) + " is numbered " + migrations.get(i).version());
            }
        }
    }

    /** The version the owner's tables reach after every migration. */
    public int version() {
        return migrations.size();
    }
}
