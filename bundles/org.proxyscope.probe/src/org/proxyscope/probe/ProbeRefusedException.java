package org.proxyscope.probe;

/** A probe that would leave the authorised scope; nothing was sent. */
public final class ProbeRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProbeRefusedException(String message) {
        super(message);
    }
}
