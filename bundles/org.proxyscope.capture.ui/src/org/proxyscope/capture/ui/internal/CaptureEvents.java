package org.proxyscope.capture.ui.internal;

/**
 * Event topics between the Capture perspective's views, and the application context's keys for what they
 * show: views that open after a capture was read (a tab first brought forward) start from those.
 */
final class CaptureEvents {

    /** A capture was read; data: its {@link org.proxyscope.capture.CaptureReport}. */
    static final String IMPORTED = "org/proxyscope/capture/imported";
    /** The analyst chose a flow; data: the {@link org.proxyscope.capture.Flow}. */
    static final String FLOW_SELECTED = "org/proxyscope/capture/flow/selected";

    /** Context key: the {@link org.proxyscope.capture.CaptureReport} the Flows view shows. */
    static final String SHOWN_REPORT = "org.proxyscope.capture.shownReport";
    /** Context key: the {@link org.proxyscope.capture.Flow} of that report the analyst chose last. */
    static final String CHOSEN_FLOW = "org.proxyscope.capture.chosenFlow";

    private CaptureEvents() {
    }
}
