package org.proxyscope.probe.ui.internal;


import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.ProbeRequest;

/** The live log of a run: what was asked, then each finding as it arrives, then the host's verdict. */
public final class ProbeLogPart {

    private Text log;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        log = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        log.setFont(JFaceResources.getTextFont());
    }

    private void line(String text) {
        if (log != null && !log.isDisposed()) {
            log.append(UtcTime.clock(java.time.Instant.now()) + " UTC  " + text + System.lineSeparator());
        }
    }

    @Inject
    @Optional
    void started(@UIEventTopic(ProbeEvents.STARTED) ProbeRequest request) {
        line("probing " + request.host() + ": " + request.ports().size() + " ports, " + String.join(", ", request.protocols()));
    }

    @Inject
    @Optional
    void finding(@UIEventTopic(ProbeEvents.FINDING) Finding f) {
        line(String.format("%5d %-13s %-14s %s", f.port(), f.protocol(), f.verdict().word(), f.detail()));
    }

    @Inject
    @Optional
    void finished(@UIEventTopic(ProbeEvents.FINISHED) ProbeRun run) {
        line(run.host() + ": " + run.verdict() + " (" + run.elapsed().toMillis() + " ms); kept as probe run " + run.number() + ", "
                + run.findings().stream().filter(f -> f.evidence().isPresent()).count() + " transcripts as evidence");
    }

    @Focus
    void focus() {
        log.setFocus();
    }
}
