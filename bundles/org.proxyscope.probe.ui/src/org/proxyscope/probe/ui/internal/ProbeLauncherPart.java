package org.proxyscope.probe.ui.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.probe.CanarySettings;
import org.proxyscope.probe.ProbeRefusedException;
import org.proxyscope.probe.ProbeRequest;
import org.proxyscope.probe.ProbeCatalog;

/**
 * Starts a probe of the case selected in the Case Explorer: its target, within its authorised scope, on the
 * ports and protocols chosen here. The run is a background job with progress and Cancel.
 */
public final class ProbeLauncherPart {

    @Inject
    Workspace workspace;
    @Inject
    ProbeCatalog catalog;
    @Inject
    @Optional
    IEventBroker broker;

    private Label subject;
    private Text ports;
    private final List<Button> protocols = new ArrayList<>();
    private Label canary;
    private Spinner timeout;
    private Button run;
    private Label problem;
    private Case current;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(8, 8).applyTo(parent);
        subject = new Label(parent, SWT.WRAP);
        subject.setText("Select a case in the Triage perspective's Case Explorer.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(subject);
        new Label(parent, SWT.NONE).setText("&Ports:");
        ports = new Text(parent, SWT.BORDER);
        ports.setText(PortRanges.of(ProbeRequest.DEFAULT_PORTS).toString());
        ports.setToolTipText("Ports or ranges, e.g. 80,1080,3128,8000-8100; they must lie in the case's scope");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(ports);
        Label protocolLabel = new Label(parent, SWT.NONE);
        protocolLabel.setText("Protocols:");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(protocolLabel);
        Composite boxes = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(boxes);
        for (String protocol : catalog.prober().protocols()) {
            Button box = new Button(boxes, SWT.CHECK);
            box.setText(protocol);
            box.setSelection(true);
            protocols.add(box);
        }
        Label canaryLabel = new Label(parent, SWT.NONE);
        canaryLabel.setText("Canary:");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(canaryLabel);
        canary = new Label(parent, SWT.WRAP);
        canary.setToolTipText("Set in Window > Preferences > Probing");
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(canary);
        showCanary(CanaryPreferences.read());
        new Label(parent, SWT.NONE).setText("&Timeout (ms):");
        timeout = new Spinner(parent, SWT.BORDER);
        timeout.setValues(3000, 100, 60000, 0, 500, 1000);
        run = new Button(parent, SWT.PUSH);
        run.setText("&Run Probe");
        run.setEnabled(false);
        run.addListener(SWT.Selection, e -> start());
        GridDataFactory.swtDefaults().span(2, 1).applyTo(run);
        problem = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(problem);
        if (selectedBeforeCreation != null) {
            select(selectedBeforeCreation);
        }
    }

    private CaseId selectedBeforeCreation;

    /** Follows the case selected in the Case Explorer, also one selected before this view existed. */
    @Inject
    @Optional
    void caseSelected(@Optional @Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        if (id == null) {
            return;
        }
        if (subject == null) {
            selectedBeforeCreation = id;
        } else {
            select(id);
        }
    }

    void select(CaseId id) {
        if (subject == null || subject.isDisposed()) {
            return;
        }
        try {
            current = workspace.get(id);
            subject.setText(current.id() + "  " + current.title() + "\nTarget " + current.target() + ", scope " + current.scope());
            List<Integer> permitted = portsInScope(current);
            ports.setText(PortRanges.of(permitted).toString());
            // a scope narrowed away from the target (authorisation withdrawn, or moved to another address) permits nothing
            run.setEnabled(!permitted.isEmpty());
            problem.setText(permitted.isEmpty() ? "The case's scope (" + current.scope() + ") permits no port of its target "
                    + current.target() + ", so nothing can be probed. Edit the case in the Case Overview to change its scope." : "");
        } catch (WorkspaceException e) {
            subject.setText(e.getMessage());
            run.setEnabled(false);
        }
        subject.getParent().layout(true, true);
    }

    /**
     * The ports to propose for a case: the usual proxy ports its scope permits, or, when it permits none of
     * them, the ports the scope names (up to a thousand).
     */
    static List<Integer> portsInScope(Case c) {
        List<Integer> usual = ProbeRequest.DEFAULT_PORTS.stream().filter(p -> c.scope().permits(c.target(), p)).toList();
        if (!usual.isEmpty()) {
            return usual;
        }
        return c.scope().entries().stream().map(e -> e.ports().list()).filter(l -> l.size() <= 1000).flatMap(List::stream)
                .distinct().sorted().filter(p -> c.scope().permits(c.target(), p)).toList();
    }

    /** Starts the run; returns the job, or null with the problem shown under the button. */
    ProbeJob start() {
        problem.setText("");
        try {
            List<Integer> chosenPorts = PortRanges.parse(ports.getText()).list();
            List<String> chosen = protocols.stream().filter(Button::getSelection).map(Button::getText).toList();
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("Choose at least one protocol");
            }
            ProbeRequest request = new ProbeRequest(current.target(), chosenPorts, chosen,
                    Duration.ofMillis(timeout.getSelection()), ProbeRequest.overallFor(Duration.ofMillis(timeout.getSelection())),
                    current.scope());
            request.checkScope(); // the run checks again; here the analyst learns it before anything starts
            CanarySettings settings = CanaryPreferences.read();
            showCanary(settings);
            settings.check();
            ProbeJob job = new ProbeJob(workspace, current.id(), catalog.prober(), request, settings, broker);
            job.schedule();
            return job;
        } catch (IllegalArgumentException | ProbeRefusedException e) {
            problem.setText(e.getMessage());
            problem.getParent().layout(true, true);
            return null;
        }
    }

    /** The canary settings from the preferences, as the next run will use them. */
    private void showCanary(CanarySettings settings) {
        canary.setText(CanaryPreferences.describe(settings));
        canary.getParent().layout(true, true);
    }

    String canaryText() {
        return canary.getText();
    }

    String problem() {
        return problem.getText();
    }

    @Focus
    void focus() {
        ports.setFocus();
    }
}
