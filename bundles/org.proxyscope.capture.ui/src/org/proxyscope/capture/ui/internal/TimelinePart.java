package org.proxyscope.capture.ui.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.capture.SessionTimeline;

/**
 * Proxy sessions over time: one bar per time bucket, stacked by outcome (established, unverified,
 * refused), so the analyst sees when relaying began and how busy the proxy was. Pointing at a bar names
 * its time and counts; clicking it shows the bucket's first session in the Flows view.
 * <p>
 * Drawn on a plain canvas: SWTChart, the usual Eclipse chart library, is not published on Maven Central,
 * from which this product is built, and a stacked bar chart is a page of drawing code.
 */
public final class TimelinePart {

    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 28;
    /** Established in red (relaying proven), unverified in amber, refused in grey. */
    private static final Color ESTABLISHED = new Color(200, 40, 40);
    private static final Color UNVERIFIED = new Color(230, 160, 0);
    private static final Color REFUSED = new Color(150, 150, 150);
    /** Bottom to top, as the legend reads left to right. */
    private static final ProxySession.Outcome[] STACK = { ProxySession.Outcome.ESTABLISHED, ProxySession.Outcome.UNVERIFIED,
            ProxySession.Outcome.REFUSED };

    @Inject
    @Optional
    private IEventBroker broker;
    private Canvas canvas;
    private SessionTimeline timeline;

    @PostConstruct
    void createControls(Composite parent, @Optional @Named(CaptureEvents.SHOWN_REPORT) CaptureReport shown) {
        parent.setLayout(new FillLayout());
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addListener(SWT.Paint, e -> paint(e.gc, canvas.getClientArea()));
        canvas.addListener(SWT.MouseMove, e -> {
            int bucket = bucketAt(e.x, e.y);
            canvas.setToolTipText(bucket < 0 ? null : describe(bucket));
        });
        canvas.addListener(SWT.MouseDown, e -> select(bucketAt(e.x, e.y)));
        if (shown != null) {
            show(shown); // opened after the capture was read
        }
    }

    @Inject
    @Optional
    void show(@UIEventTopic(CaptureEvents.IMPORTED) CaptureReport report) {
        timeline = SessionTimeline.of(report);
        canvas.redraw();
    }

    SessionTimeline timeline() {
        return timeline;
    }

    /** The bucket under a point of the canvas, or -1. */
    int bucketAt(int x, int y) {
        if (timeline == null || timeline.isEmpty()) {
            return -1;
        }
        Rectangle plot = plot(canvas.getClientArea());
        if (x < plot.x || x >= plot.x + plot.width || y < plot.y || y > plot.y + plot.height) {
            return -1;
        }
        return Math.min(timeline.buckets().size() - 1, (x - plot.x) * timeline.buckets().size() / plot.width);
    }

    /** The centre of a bucket's bar, where a click selects it. */
    Point centreOf(int bucket) {
        Rectangle plot = plot(canvas.getClientArea());
        int n = timeline.buckets().size();
        return new Point(plot.x + (2 * bucket + 1) * plot.width / (2 * n), plot.y + plot.height - 1);
    }

    /** What pointing at a bucket says: its time span and counts by outcome. */
    String describe(int bucket) {
        SessionTimeline.Bucket b = timeline.buckets().get(bucket);
        Instant start = Instant.ofEpochSecond(0, b.startNanos());
        List<String> parts = new ArrayList<>();
        for (ProxySession.Outcome o : ProxySession.Outcome.values()) {
            if (b.count(o) > 0) {
                parts.add(b.count(o) + " " + o.word());
            }
        }
        return (timeline.width().toMillis() < 1000 ? UtcTime.clockMillis(start) + " UTC" : UtcTime.seconds(start)) + " + "
                + UtcTime.span(timeline.width()) + ": " + b.total()
                + (b.total() == 1 ? " session" : " sessions") + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    private void select(int bucket) {
        if (bucket < 0 || broker == null || timeline.buckets().get(bucket).sessions().isEmpty()) {
            return;
        }
        broker.post(CaptureEvents.FLOW_SELECTED, timeline.buckets().get(bucket).sessions().get(0).flow());
    }

    private static Rectangle plot(Rectangle area) {
        return new Rectangle(area.x + LEFT, area.y + TOP, Math.max(1, area.width - LEFT - RIGHT), Math.max(1, area.height - TOP - BOTTOM));
    }

    private void paint(GC gc, Rectangle area) {
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        if (timeline == null || timeline.isEmpty()) {
            gc.drawText(timeline == null ? "Import a capture to see its proxy sessions over time."
                    : "This capture holds no proxy sessions with time stamps.", area.x + 8, area.y + 8, true);
            return;
        }
        List<SessionTimeline.Bucket> buckets = timeline.buckets();
        Instant first = Instant.ofEpochSecond(0, buckets.get(0).startNanos());
        gc.drawText("Proxy sessions per " + UtcTime.span(timeline.width()) + ", from " + UtcTime.seconds(first), area.x + 8,
                area.y + 4, true);
        legend(gc, area.x + 8, area.y + 22);
        Rectangle plot = plot(area);
        int peak = Math.max(1, timeline.peak());
        gc.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
        gc.drawLine(plot.x, plot.y, plot.x, plot.y + plot.height);
        String top = Integer.toString(peak);
        gc.drawText(top, plot.x - 6 - gc.textExtent(top).x, plot.y - gc.getFontMetrics().getHeight() / 2, true);
        gc.drawText("0", plot.x - 6 - gc.textExtent("0").x, plot.y + plot.height - gc.getFontMetrics().getHeight() / 2, true);
        int n = buckets.size();
        for (int i = 0; i < n; i++) {
            int x0 = plot.x + i * plot.width / n + 1;
            int x1 = plot.x + (i + 1) * plot.width / n - 1;
            int base = plot.y + plot.height;
            SessionTimeline.Bucket b = buckets.get(i);
            for (ProxySession.Outcome o : STACK) {
                int h = (int) Math.round((double) b.count(o) * plot.height / peak);
                if (h > 0) {
                    gc.setBackground(colour(o));
                    gc.fillRectangle(x0, base - h, Math.max(1, x1 - x0), h);
                    base -= h;
                }
            }
        }
        // time-of-day ticks, at most one per 90 pixels so the labels never overlap
        int every = Math.max(1, (int) Math.ceil((timeline.width().toMillis() < 1000 ? 110.0 : 90.0) * n / plot.width));
        for (int i = 0; i < n; i += every) {
            Instant at = Instant.ofEpochSecond(0, buckets.get(i).startNanos());
            String label = timeline.width().toMillis() < 1000 ? UtcTime.clockMillis(at) : UtcTime.clock(at);
            int x = plot.x + i * plot.width / n;
            gc.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 3);
            gc.drawText(label, x, plot.y + plot.height + 5, true);
        }
    }

    private void legend(GC gc, int x, int y) {
        int at = x;
        for (ProxySession.Outcome o : STACK) {
            gc.setBackground(colour(o));
            gc.fillRectangle(at, y + 3, 10, 10);
            gc.drawText(o.word(), at + 14, y, true);
            at += 14 + gc.textExtent(o.word()).x + 16;
        }
    }

    private static Color colour(ProxySession.Outcome outcome) {
        return switch (outcome) {
            case ESTABLISHED -> ESTABLISHED;
            case UNVERIFIED -> UNVERIFIED;
            case REFUSED -> REFUSED;
        };
    }

    /** Clicks the bar of a bucket as the analyst would. */
    void click(int bucket) {
        Point p = centreOf(bucket);
        Event e = new Event();
        e.x = p.x;
        e.y = p.y;
        e.button = 1;
        canvas.notifyListeners(SWT.MouseDown, e);
    }
}
