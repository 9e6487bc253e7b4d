package org.proxyscope.capture;

/** A capture or listing that breaks its format; {@link #offset()} is the byte where reading stopped. */
public final class CaptureFormatException extends Exception {

    private static final long serialVersionUID = 1L;
    private final long offset;

    public CaptureFormatException(long offset, String message) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
