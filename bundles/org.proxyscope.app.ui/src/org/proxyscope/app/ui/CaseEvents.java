package org.proxyscope.app.ui;

/**
 * Event broker topics about cases. A part that changes a case posts {@link #CHANGED} with the case id
 * as data; views showing cases refresh on it. Changes made by another process (another analyst, the
 * command line) are posted there too, as {@code Workspace.watchOthers} notices them.
 */
public final class CaseEvents {

    /** A case was created or changed; the data is its {@code CaseId}. */
    public static final String CHANGED = "org/proxyscope/case/changed";

    /**
     * A team workspace's server was lost or is back; the data is what went wrong, or an empty string once it
     * answers again.
     */
    public static final String SERVER = "org/proxyscope/workspace/server";

    /** The analyst selected a case; the data is its {@code CaseId}. */
    public static final String SELECTED = "org/proxyscope/case/selected";

    private CaseEvents() {
    }
}
