package org.proxyscope.capture.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.proxyscope.app.ui.LatestAnswer;
import org.proxyscope.capture.CaptureFormatException;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.Flow;
import org.proxyscope.capture.FlowStream;

/**
 * The selected flow's bytes as the capture holds them, both directions in order: the client's in red,
 * the server's in blue, as text and as hex. Read again from the capture file in the background.
 */
public final class FollowStreamPart {

    private static final int LIMIT = 1 << 20;

    private StyledText text;
    private StyledText hex;
    private Color clientColour;
    private Color serverColour;
    private Path file;
    private LatestAnswer<Stream> answers;
    private Job reading;

    /** A flow's segments as read, or why they could not be. */
    private record Stream(Flow flow, List<FlowStream.Segment> segments, String failure) {
    }

    @PostConstruct
    void createControls(Composite parent, @Optional @Named(CaptureEvents.SHOWN_REPORT) CaptureReport shown,
            @Optional @Named(CaptureEvents.CHOSEN_FLOW) Flow chosen) {
        parent.setLayout(new FillLayout());
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        text = tab(tabs, "Stream");
        hex = tab(tabs, "Hex");
        tabs.setSelection(0);
        clientColour = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        serverColour = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE);
        text.setText("Select a flow to follow its stream.");
        answers = new LatestAnswer<>(text);
        if (shown != null) { // opened after the capture was read, perhaps after a flow was chosen
            imported(shown);
            if (chosen != null) {
                follow(chosen);
            }
        }
    }

    private static StyledText tab(CTabFolder tabs, String title) {
        StyledText t = new StyledText(tabs, SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setFont(JFaceResources.getTextFont());
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(t);
        return t;
    }

    @Inject
    @Optional
    void imported(@UIEventTopic(CaptureEvents.IMPORTED) CaptureReport report) {
        file = report.file();
    }

    @Inject
    @Optional
    void follow(@UIEventTopic(CaptureEvents.FLOW_SELECTED) Flow flow) {
        if (file == null || text.isDisposed()) {
            return;
        }
        Path capture = file;
        reading = answers.ask("Following flow " + flow.number(), () -> {
            try {
                return new Stream(flow, FlowStream.read(capture, flow, LIMIT), null);
            } catch (IOException | CaptureFormatException e) {
                return new Stream(flow, List.of(), "Could not read flow " + flow.number() + " from " + capture + ": " + e.getMessage());
            }
        }, this::show);
    }

    Job reading() {
        return reading;
    }

    private void show(Stream read) {
        if (read.failure() != null) {
            text.setText(read.failure());
            text.setStyleRanges(new StyleRange[0]);
            hex.setText(read.failure());
            hex.setStyleRanges(new StyleRange[0]);
            return;
        }
        Flow flow = read.flow();
        List<FlowStream.Segment> segments = read.segments();
        StringBuilder plain = new StringBuilder();
        StringBuilder dump = new StringBuilder();
        List<StyleRange> textStyles = new java.util.ArrayList<>();
        List<StyleRange> hexStyles = new java.util.ArrayList<>();
        plain.append("Flow ").append(flow.number()).append(": ").append(flow).append('\n');
        dump.append(plain);
        for (FlowStream.Segment s : segments) {
            Color colour = s.fromClient() ? clientColour : serverColour;
            String shown = printable(s.bytes());
            textStyles.add(new StyleRange(plain.length(), shown.length(), colour, null));
            plain.append(shown);
            if (!shown.endsWith("\n")) {
                plain.append('\n');
            }
            String lines = hexLines(s.bytes(), s.fromClient() ? "> " : "< ");
            hexStyles.add(new StyleRange(dump.length(), lines.length(), colour, null));
            dump.append(lines);
        }
        if (segments.isEmpty()) {
            plain.append("(no payload)");
        }
        text.setText(plain.toString());
        text.setStyleRanges(textStyles.toArray(StyleRange[]::new));
        hex.setText(dump.toString());
        hex.setStyleRanges(hexStyles.toArray(StyleRange[]::new));
    }

    /** Text with every non-printable byte (other than line ends and tabs) shown as a dot. */
    private static String printable(byte[] bytes) {
        char[] c = new String(bytes, StandardCharsets.ISO_8859_1).toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0x20 && c[i] != '\n' && c[i] != '\r' && c[i] != '\t' || c[i] >= 0x7f) {
                c[i] = '.';
            }
        }
        return new String(c).replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String hexLines(byte[] bytes, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int o = 0; o < bytes.length; o += 16) {
            int end = Math.min(bytes.length, o + 16);
            b.append(prefix).append(String.format("%06x  ", o)).append(HexFormat.ofDelimiter(" ").formatHex(bytes, o, end));
            b.append(" ".repeat((16 - (end - o)) * 3 + 1)).append(printable(java.util.Arrays.copyOfRange(bytes, o, end)).replace('\n', '.'))
                    .append('\n');
        }
        return b.toString();
    }

    String streamText() {
        return text.getText();
    }
}
