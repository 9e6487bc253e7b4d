package org.proxyscope.core;

/**
 * How long work reports progress and learns that the analyst cancelled it. The workbench adapts an
 * Eclipse progress monitor to it; the command line passes {@link #NONE}.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void begin(String task, long total) {
        }

        @Override
        public void advance(long amount) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void begin(String task, long total);

    void advance(long amount);

    boolean cancelled();
}
