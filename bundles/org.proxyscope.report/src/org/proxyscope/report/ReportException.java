package org.proxyscope.report;

/** The report could not be made or kept; the message says what and where, and nothing was left half written. */
public final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
