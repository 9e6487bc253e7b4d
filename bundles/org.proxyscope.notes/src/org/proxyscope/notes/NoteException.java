package org.proxyscope.notes;

import org.proxyscope.core.WorkspaceException;

/** A note could not be read or kept; the message says which and why, and nothing was stored half. */
public final class NoteException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    public NoteException(String message) {
        super(message);
    }
}
