package org.proxyscope.core;

/** A workspace folder cannot be used; the message says which folder and why. */
public class WorkspaceException extends Exception {

    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
