package org.proxyscope.report.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.model.Case;
import org.proxyscope.report.SigningKey;
import org.proxyscope.report.internal.SafeOutput;

/**
 * Where the report goes: the PDF's path (proposed in the home folder, named after the case), whether an
 * existing file may be replaced, and the PKCS#12 key to sign it with, if any (its password is used for this
 * export only). Finishing hands the choice back; the export runs as a Job.
 */
final class ExportReportWizard extends Wizard {

    /** What the analyst chose: the report, and the customer notice and complaints to write beside it. */
    record Choice(Path out, boolean overwrite, Optional<SigningKey> signing, Companions companions) {
    }

    private final Case subject;
    private final List<String> sectionTitles;
    private Page page;
    private Choice choice;

    ExportReportWizard(Case subject, List<String> sectionTitles) {
        this.subject = subject;
        this.sectionTitles = List.copyOf(sectionTitles);
        setWindowTitle("Export Case Report");
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        String key = page.key.getText().strip();
        choice = new Choice(Path.of(page.file.getText().strip()).toAbsolutePath().normalize(), page.overwrite.getSelection(),
                key.isEmpty() ? Optional.empty() : Optional.of(new SigningKey(Path.of(key), page.password.getText().toCharArray())),
                new Companions(optional(page.notice), optional(page.arf), optional(page.xarf)));
        return true;
    }

    private static Optional<Path> optional(Text field) {
        String text = field.getText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text).toAbsolutePath().normalize());
    }

    Choice choice() {
        return choice;
    }

    static Path proposedFile(Case c) {
        return Path.of(System.getProperty("user.home"), c.id() + "-report.pdf");
    }

    private final class Page extends WizardPage {

        private Text file;
        private Button overwrite;
        private Text key;
        private Text password;
        private Text notice;
        private Text arf;
        private Text xarf;

        Page() {
            super("report");
            setTitle("Export the report of " + subject.id());
            setDescription("A PDF for the customer, the mail provider's abuse desk and, if need be, a lawyer. It is kept as the"
                    + " case's evidence.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite body = new Composite(parent, SWT.NONE);
            GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
            new Label(body, SWT.NONE).setText("&PDF file:");
            file = new Text(body, SWT.BORDER);
            file.setText(proposedFile(subject).toString());
            GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(file);
            Button browse = new Button(body, SWT.PUSH);
            browse.setText("&Browse...");
            browse.addListener(SWT.Selection, e -> {
                FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
                dialog.setFilterExtensions(new String[] {"*.pdf"});
                dialog.setFileName(Path.of(file.getText()).getFileName().toString());
                String chosen = dialog.open();
                if (chosen != null) {
                    file.setText(chosen);
                }
            });
            new Label(body, SWT.NONE);
            overwrite = new Button(body, SWT.CHECK);
            overwrite.setText("&Replace the file if it exists");
            GridDataFactory.fillDefaults().span(2, 1).applyTo(overwrite);
            new Label(body, SWT.NONE).setText("Sign with &key:");
            key = new Text(body, SWT.BORDER);
            key.setMessage("a PKCS#12 file (.p12); empty for an unsigned report");
            GridDataFactory.fillDefaults().grab(true, false).applyTo(key);
            Button browseKey = new Button(body, SWT.PUSH);
            browseKey.setText("B&rowse...");
            browseKey.addListener(SWT.Selection, e -> {
                FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
                dialog.setFilterExtensions(new String[] {"*.p12;*.pfx", "*"});
                String chosen = dialog.open();
                if (chosen != null) {
                    key.setText(chosen);
                }
            });
            new Label(body, SWT.NONE).setText("Pass&word:");
            password = new Text(body, SWT.BORDER | SWT.PASSWORD);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(password);
            new Label(body, SWT.NONE);
            notice = companion(body, "Customer &notice:", "optional: the letter to the customer (PDF)");
            arf = companion(body, "&ARF complaint:", "optional: RFC 5965 message for another abuse desk (.eml)");
            xarf = companion(body, "&X-ARF complaint:", "optional: XARF v4 report (.json)");
            Label sections = new Label(body, SWT.WRAP);
            sections.setText("Sections: " + String.join(", ", sectionTitles) + ".");
            GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(360, SWT.DEFAULT).indent(0, 10).applyTo(sections);
            file.addListener(SWT.Modify, e -> validate());
            key.addListener(SWT.Modify, e -> validate());
            overwrite.addListener(SWT.Selection, e -> validate());
            setControl(body);
            validate();
        }

        private Text companion(Composite body, String label, String message) {
            new Label(body, SWT.NONE).setText(label);
            Text field = new Text(body, SWT.BORDER);
            field.setMessage(message);
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(field);
            field.addListener(SWT.Modify, e -> validate());
            return field;
        }

        private void validate() {
            String text = file.getText().strip();
            String problem = null;
            if (text.isEmpty()) {
                problem = "Name the PDF file to write.";
            } else {
                Path out = Path.of(text).toAbsolutePath();
                String place;
                if (!text.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                    problem = "Name the file with the ending .pdf.";
                } else if (Files.isDirectory(out)) {
                    problem = out + " is a folder.";
                } else if ((place = placeProblem(out)) != null) {
                    problem = place;
                } else if (!key.getText().isBlank() && !Files.isRegularFile(Path.of(key.getText().strip()))) {
                    problem = "There is no key file " + key.getText().strip() + ".";
                } else {
                    for (Text companion : List.of(notice, arf, xarf)) {
                        Optional<Path> path = optional(companion);
                        String there = path.isPresent() ? placeProblem(path.get()) : null;
                        if (there != null) {
                            problem = there;
                        }
                    }
                }
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }

        /**
         * What stops a file being written at {@code path}, the report's or a companion's: its folder is missing, a
         * device or a link is there, or a file is and Replace is not ticked. Null when nothing does.
         */
        private String placeProblem(Path path) {
            if (path.getParent() == null || !Files.isDirectory(path.getParent())) {
                return "The folder " + path.getParent() + " does not exist.";
            }
            Optional<String> special = SafeOutput.notAFile(path);
            if (special.isPresent()) {
                return special.get() + ".";
            }
            return Files.exists(path) && !overwrite.getSelection()
                    ? path.getFileName() + " exists already: choose another name, or tick Replace." : null;
        }
    }
}
