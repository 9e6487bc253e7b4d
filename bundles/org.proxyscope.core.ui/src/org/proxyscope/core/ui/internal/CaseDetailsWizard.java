package org.proxyscope.core.ui.internal;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.Severity;

/**
 * Case &gt; New Case, and Edit in the Case Overview: one page with what a case needs. Every keystroke
 * re-validates through the same rules as the command line, and the page says which field is wrong before
 * Finish is possible. When editing, the target is fixed: another host is another case.
 */
public final class CaseDetailsWizard extends Wizard {

    private final Workspace workspace;
    private final Optional<Case> existing;
    private final Page page;
    private Case created;

    /** For a new case. */
    public CaseDetailsWizard(Workspace workspace) {
        this(workspace, Optional.empty());
    }

    /** For editing {@code existing}, or a new case when empty. */
    public CaseDetailsWizard(Workspace workspace, Optional<Case> existing) {
        this.workspace = workspace;
        this.existing = existing;
        this.page = new Page(existing);
        setWindowTitle(existing.isPresent() ? "Edit Case" : "New Case");
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        Optional<NewCase> spec = page.spec();
        if (spec.isEmpty()) {
            return false;
        }
        try {
            created = existing.isPresent() ? workspace.editCase(existing.get().id(), spec.get())
                    : workspace.createCase(spec.get());
            return true;
        } catch (WorkspaceException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
    }

    /** The case opened or edited by Finish. */
    public Optional<Case> created() {
        return Optional.ofNullable(created);
    }

    static final class Page extends WizardPage {
        Text title;
        Text target;
        Text scope;
        Text customer;
        Combo severity;
        Text tags;

        private final Optional<Case> existing;

        Page(Optional<Case> existing) {
            super("case");
            this.existing = existing;
            setTitle(existing.map(c -> "Edit " + c.id()).orElse("Open a case"));
            setDescription("One case per suspected host. Probes may only reach the hosts and ports of its authorised scope.");
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite body = new Composite(parent, SWT.NONE);
            GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 8).applyTo(body);
            title = field(body, "&Title:", "e.g. Open SOCKS proxy on a customer line");
            target = field(body, "Target &host:", "IPv4 or IPv6 address, or host name");
            scope = field(body, "Authorised &scope:", "HOST[:PORTS] ...; empty means the target, every port");
            customer = field(body, "&Customer or ticket:", "optional");
            new Label(body, SWT.NONE).setText("Se&verity:");
            severity = new Combo(body, SWT.READ_ONLY);
            Arrays.stream(Severity.values()).forEach(s -> severity.add(s.label()));
            severity.select(Severity.MEDIUM.ordinal());
            tags = field(body, "T&ags:", "comma separated, e.g. socks, spam");
            for (Text t : new Text[] {title, target, scope, customer, tags}) {
                t.addModifyListener(e -> validate());
            }
            severity.addListener(SWT.Selection, e -> validate());
            existing.ifPresent(c -> {
                title.setText(c.title());
                target.setText(c.target().name());
                target.setEditable(false);
                scope.setText(c.scope().toString());
                customer.setText(c.customerReference());
                severity.select(c.severity().ordinal());
                tags.setText(String.join(", ", c.tags()));
            });
            setControl(body);
        }

        private static Text field(Composite body, String label, String hint) {
            new Label(body, SWT.NONE).setText(label);
            Text text = new Text(body, SWT.BORDER);
            text.setMessage(hint);
            GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
            return text;
        }

        private void validate() {
            spec();
        }

        /** The case as typed, or empty with the first problem shown on the page. */
        Optional<NewCase> spec() {
            String problem = null;
            NewCase spec = null;
            if (title.getText().isBlank()) {
                problem = "Give the case a title.";
            } else if (target.getText().isBlank()) {
                problem = "Enter the suspected host: an IPv4 or IPv6 address or a host name.";
            } else {
                try {
                    spec = NewCase.of(title.getText(), target.getText(), scope.getText(), customer.getText(),
                            Severity.values()[severity.getSelectionIndex()].word(), Arrays.asList(tags.getText().split(",")));
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            setErrorMessage(problem);
            setMessage(spec == null ? null : spec.scopeWarning().orElse(null), WARNING);
            setPageComplete(spec != null);
            return Optional.ofNullable(spec);
        }
    }
}
