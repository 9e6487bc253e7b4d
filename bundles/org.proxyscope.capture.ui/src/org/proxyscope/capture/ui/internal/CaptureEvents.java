package org.proxyscope.capture.ui.internal;

/** Event topics between the Capture perspective's views. */
final class CaptureEvents {

    /** A capture was read; data: its {@link org.proxyscope.capture.CaptureReport}. */
    static final String IMPORTED = "org/proxyscope/capture/imported";
    /** The analyst chose a flow; data: the {@link org.proxyscope.capture.Flow}. */
    static final String FLOW_SELECTED = "org/proxyscope/capture/flow/selected";

    private CaptureEvents() {
    }
}
