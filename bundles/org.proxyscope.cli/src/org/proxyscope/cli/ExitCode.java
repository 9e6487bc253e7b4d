package org.proxyscope.cli;

/** The exit status of every {@code proxyscope} command, so scripts over many hosts can rely on it. */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed; stderr says why. */
    public static final int FAILURE = 1;
    /** The command line was wrong; stderr has a one-line message. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
