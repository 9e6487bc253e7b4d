package org.proxyscope.core;

/**
 * How long work reports progress and learns that the analyst cancelled it. The workbench adapts an
 * Eclipse progress monitor to it; the command line passes {@link #NONE}. Reporting is optional: what only
 * cancels, or is never cancelled, says so in {@link #cancelled} alone.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** The work begins: {@code total} units of it (bytes, mostly). Nothing to report by default. */
    default void begin(String task, long total) {
    }

    /** {@code amount} more units are done. Nothing to report by default. */
    default void advance(long amount) {
    }

    boolean cancelled();
}
