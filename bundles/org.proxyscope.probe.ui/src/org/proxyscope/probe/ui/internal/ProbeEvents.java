package org.proxyscope.probe.ui.internal;

/** Event broker topics of a probe run in the workbench. */
final class ProbeEvents {

    /** A run started; the data is the {@code ProbeRequest}. */
    static final String STARTED = "org/proxyscope/probe/started";
    /** One finding arrived; the data is the {@code Finding}. */
    static final String FINDING = "org/proxyscope/probe/finding";
    /** The run ended and the case keeps it; the data is the {@code org.proxyscope.probe.ProbeRun}. */
    static final String FINISHED = "org/proxyscope/probe/finished";

    private ProbeEvents() {
    }
}
