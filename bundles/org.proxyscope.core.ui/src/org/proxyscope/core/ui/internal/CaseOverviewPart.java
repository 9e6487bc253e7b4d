package org.proxyscope.core.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;

/**
 * The selected case at a glance: its properties and authorised scope (Edit changes them), its status (Change
 * Status moves it), and its evidence (Purge removes a file deliberately, keeping its record).
 */
public final class CaseOverviewPart {


    @Inject
    Workspace workspace;
    @Inject
    @Optional
    IEventBroker broker;

    private Composite body;
    private Label heading;
    private final Map<String, Text> values = new LinkedHashMap<>();
    private Button changeStatus;
    private Button edit;
    private Button purge;
    private Table evidence;
    private Case shown;

    @PostConstruct
    void createControls(Composite parent) {
        body = parent;
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).spacing(12, 4).applyTo(parent);
        heading = new Label(parent, SWT.NONE);
        heading.setFont(JFaceResources.getHeaderFont());
        heading.setText("Select a case in the Case Explorer");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(heading);
        for (String name : new String[] {"Target", "Authorised scope", "Status", "Severity", "Customer", "Tags", "Analyst",
                "Opened", "Updated"}) {
            new Label(parent, SWT.NONE).setText(name + ":");
            Text value = new Text(parent, SWT.READ_ONLY);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
            values.put(name, value);
        }
        changeStatus = new Button(parent, SWT.PUSH);
        changeStatus.setText("Change &Status...");
        changeStatus.setEnabled(false);
        changeStatus.addListener(SWT.Selection, e -> {
            if (shown != null && new StatusChangeDialog(parent.getShell(), workspace, shown).open() == Window.OK) {
                changed();
            }
        });
        edit = new Button(parent, SWT.PUSH);
        edit.setText("&Edit...");
        edit.setToolTipText("Change the title, authorised scope, customer, severity or tags");
        edit.setEnabled(false);
        edit.addListener(SWT.Selection, e -> {
            CaseDetailsWizard wizard = new CaseDetailsWizard(workspace, java.util.Optional.of(shown));
            if (new WizardDialog(parent.getShell(), wizard).open() == Window.OK) {
                changed();
            }
        });
        Label evidenceLabel = new Label(parent, SWT.NONE);
        evidenceLabel.setText("Evidence (drop files on the case in the Case Explorer to add them):");
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(evidenceLabel);
        evidence = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        evidence.setHeaderVisible(true);
        Tables.addColumns(evidence, new String[][] {{"#", "40"}, {"File", "180"}, {"Bytes", "100"}, {"SHA-256", "440"}, {"Added", "170"},
                {"Source", "160"}});
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(evidence);
        purge = new Button(parent, SWT.PUSH);
        purge.setText("&Purge Evidence...");
        purge.setToolTipText("Delete the selected evidence file for good; its record, hash and custody entries stay");
        purge.setEnabled(false);
        evidence.addListener(SWT.Selection, e -> purge.setEnabled(selectedEvidence() != null));
        purge.addListener(SWT.Selection, e -> purgeSelected());
    }

    private Evidence selectedEvidence() {
        int row = evidence.getSelectionIndex();
        return row < 0 ? null : (Evidence) evidence.getItem(row).getData();
    }

    private void purgeSelected() {
        Evidence chosen = selectedEvidence();
        if (chosen == null || chosen.isPurged()) {
            return;
        }
        InputDialog confirm = new InputDialog(body.getShell(), "Purge Evidence",
                "Delete the file of evidence #" + chosen.number() + " (" + chosen.originalName() + ") for good?\n"
                        + "Its record, SHA-256 and custody entries stay. Give the reason for the custody log:",
                "", text -> text.isBlank() ? "A reason is required" : null);
        if (confirm.open() != Window.OK) {
            return;
        }
        try {
            workspace.purgeEvidence(chosen.caseId(), chosen.number(), confirm.getValue());
            changed();
        } catch (WorkspaceException e) {
            MessageDialog.openError(body.getShell(), "Purge Evidence", e.getMessage());
        }
    }

    private void changed() {
        show(shown.id());
        if (broker != null) {
            broker.post(CaseEvents.CHANGED, shown.id());
        }
    }

    @Inject
    @Optional
    void caseSelected(@UIEventTopic(CaseEvents.SELECTED) CaseId id) {
        show(id);
    }

    @Inject
    @Optional
    void caseChanged(@UIEventTopic(CaseEvents.CHANGED) CaseId id) {
        if (shown != null && shown.id().equals(id)) {
            show(id);
        }
    }

    /** Shows a case; also what the tests call. */
    void show(CaseId id) {
        if (body == null || body.isDisposed()) {
            return;
        }
        try {
            shown = workspace.get(id);
            heading.setText(shown.id() + "  " + shown.title());
            values.get("Target").setText(shown.target().name());
            values.get("Authorised scope").setText(shown.scope().toString());
            values.get("Status").setText(shown.status().label() + (shown.archived() ? " (archived)" : ""));
            values.get("Severity").setText(shown.severity().label());
            values.get("Customer").setText(shown.customerReference());
            values.get("Tags").setText(String.join(", ", shown.tags()));
            values.get("Analyst").setText(shown.analyst());
            values.get("Opened").setText(UtcTime.seconds(shown.created()));
            values.get("Updated").setText(UtcTime.seconds(shown.updated()));
            changeStatus.setEnabled(true);
            edit.setEnabled(true);
            purge.setEnabled(false);
            evidence.removeAll();
            for (Evidence e : workspace.evidence(id)) {
                TableItem row = new TableItem(evidence, SWT.NONE);
                row.setData(e);
                row.setText(new String[] {Integer.toString(e.number()), e.originalName(), String.format("%,d", e.size()),
                        e.sha256(), UtcTime.seconds(e.added()),
                        e.isPurged() ? "purged " + UtcTime.seconds(e.purged().get()) + ": " + e.purgeReason() : e.source()});
            }
        } catch (WorkspaceException e) {
            heading.setText(e.getMessage());
            changeStatus.setEnabled(false);
            edit.setEnabled(false);
        }
        body.layout(true, true);
    }

    String value(String name) {
        return values.get(name).getText();
    }

    @Focus
    void focus() {
        changeStatus.setFocus();
    }
}
