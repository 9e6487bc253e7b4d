package org.proxyscope.cli;

/** The command line is wrong; the message is the one line shown to the user. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
