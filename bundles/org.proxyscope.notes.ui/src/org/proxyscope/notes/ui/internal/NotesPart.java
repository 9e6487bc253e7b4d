package org.proxyscope.notes.ui.internal;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.CaseEvents;
import org.proxyscope.app.ProxyscopeModel;
import org.proxyscope.app.Tables;
import org.proxyscope.app.UtcTime;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.Note;
import org.proxyscope.notes.NoteLinks;
import org.proxyscope.notes.Notes;

/**
 * The selected case's notes and an editor for the one selected. What the analyst types is saved as the note's
 * next version by itself, shortly after typing pauses, on a background Job: typing never waits for the disk,
 * and nothing typed more than a moment ago is lost if the workbench is killed.
 */
public final class NotesPart {

    /** How long typing must pause before the text is saved. */
    static final int AUTOSAVE_MILLIS = 600;

    @Inject
    Workspace workspace;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    IEventBroker broker;

    private Label subject;
    private Table table;
    private Button forReport;
    private Text title;
    private StyledText editor;
    private Label status;
    private CaseId caseId;
    private Note shown;
    private boolean filling;
    private final Runnable autosave = this::saveNow;
    private final Saver saver = new Saver();

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(6, 6).applyTo(parent);
        subject = new Label(parent, SWT.WRAP);
        subject.setText("Select a case in the Triage perspective's Case Explorer.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(subject);
        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(buttons);
        Button add = new Button(buttons, SWT.PUSH);
        add.setText("&New Note");
        add.addListener(SWT.Selection, e -> newNote());
        Button delete = new Button(buttons, SWT.PUSH);
        delete.setText("&Delete...");
        delete.addListener(SWT.Selection, e -> deleteNote());
        forReport = new Button(buttons, SWT.CHECK);
        forReport.setText("For the &report");
        forReport.addListener(SWT.Selection, e -> markForReport());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        table = new Table(sash, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"No.", "40"}, {"Title", "200"}, {"Version", "60"}, {"Report", "60"}});
        table.addListener(SWT.Selection, e -> open(selected()));
        Composite edit = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(edit);
        title = new Text(edit, SWT.BORDER);
        title.setMessage("Title");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        editor = new StyledText(edit, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        editor.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(editor);
        status = new Label(edit, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        sash.setWeights(35, 65);
        editor.addListener(SWT.Modify, e -> typed());
        title.addListener(SWT.Modify, e -> typed());
        enableEditing(false);
        if (caseId != null) {
            show(caseId);
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void caseSelected(@org.eclipse.e4.core.di.annotations.Optional @Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        if (id == null) {
            return;
        }
        if (table != null && !table.isDisposed() && !id.equals(caseId)) {
            saveNow(); // what was typed for the previous case is kept before the view moves on
        }
        caseId = id;
        if (table != null && !table.isDisposed()) {
            show(id);
        }
    }

    void show(CaseId id) {
        subject.setText(id + ": notes");
        reload(Optional.empty());
    }

    private void reload(Optional<Integer> select) {
        table.removeAll();
        try {
            for (Note n : Notes.of(workspace).list(caseId)) {
                TableItem row = new TableItem(table, SWT.NONE);
                row.setData(n);
                row.setText(new String[] {Integer.toString(n.number()), n.title(), Integer.toString(n.version()), n.forReport() ? "yes" : ""});
                if (select.isPresent() && select.get() == n.number()) {
                    table.setSelection(row);
                }
            }
        } catch (WorkspaceException e) {
            status.setText(e.getMessage());
        }
        open(selected());
    }

    private Note selected() {
        int index = table.getSelectionIndex();
        return index < 0 ? null : (Note) table.getItem(index).getData();
    }

    private void open(Note note) {
        if (shown != null && note != null && shown.number() == note.number() && shown.caseId().equals(note.caseId())) {
            return;
        }
        saveNow();
        shown = note;
        filling = true;
        title.setText(note == null ? "" : note.title());
        editor.setText(note == null ? "" : note.text());
        filling = false;
        highlight();
        forReport.setSelection(note != null && note.forReport());
        status.setText(note == null ? "" : "Version " + note.version() + ", saved " + UtcTime.seconds(note.updated()) + " by " + note.updatedBy());
        enableEditing(note != null);
    }

    private void enableEditing(boolean on) {
        title.setEnabled(on);
        editor.setEnabled(on);
        forReport.setEnabled(on);
    }

    /** Every keystroke re-arms the timer; the save starts once typing has paused. */
    private void typed() {
        if (filling || shown == null) {
            return;
        }
        highlight();
        status.setText("Unsaved changes...");
        editor.getDisplay().timerExec(AUTOSAVE_MILLIS, autosave);
    }

    /** Hands the current text to the saver, which keeps it as the note's next version in the background. */
    void saveNow() {
        if (editor == null || editor.isDisposed() || shown == null) {
            return;
        }
        editor.getDisplay().timerExec(-1, autosave);
        String text = editor.getText();
        String name = title.getText();
        if (text.equals(shown.text()) && name.equals(shown.title())) {
            return;
        }
        if (text.isBlank()) {
            status.setText("A note needs text; the empty text is not saved.");
            return;
        }
        shown = new Note(shown.caseId(), shown.number(), name, text, shown.tags(), shown.forReport(), shown.reportOrder(),
                shown.version(), shown.created(), shown.createdBy(), shown.updated(), shown.updatedBy());
        saver.save(shown.caseId(), shown.number(), name, text);
    }

    /** Saves the latest text handed to it, one save at a time; texts handed in while one runs are coalesced. */
    private final class Saver extends Job {

        private record Pending(CaseId id, int number, String title, String text) {
        }

        private Pending pending;

        Saver() {
            super("Saving the note");
            setSystem(true);
        }

        synchronized void save(CaseId id, int number, String title, String text) {
            pending = new Pending(id, number, title, text);
            schedule();
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            Pending next;
            synchronized (this) {
                next = pending;
                pending = null;
            }
            if (next == null) {
                return Status.OK_STATUS;
            }
            try {
                Note saved = Notes.of(workspace).edit(next.id(), next.number(), Optional.of(next.title()), next.text());
                report("Version " + saved.version() + ", saved " + UtcTime.seconds(saved.updated()), saved);
            } catch (WorkspaceException e) {
                report("Not saved: " + e.getMessage(), null);
            }
            return Status.OK_STATUS;
        }

        private void report(String text, Note saved) {
            if (status.isDisposed()) {
                return;
            }
            status.getDisplay().asyncExec(() -> {
                if (status.isDisposed()) {
                    return;
                }
                status.setText(text);
                if (saved != null) {
                    for (TableItem row : table.getItems()) {
                        if (((Note) row.getData()).number() == saved.number() && saved.caseId().equals(caseId)) {
                            row.setData(saved);
                            row.setText(1, saved.title());
                            row.setText(2, Integer.toString(saved.version()));
                        }
                    }
                    if (broker != null) {
                        broker.post(CaseEvents.CHANGED, saved.caseId());
                    }
                }
            });
        }
    }

    /** Markdown headings in bold, links to what the case holds in blue. */
    private void highlight() {
        String text = editor.getText();
        editor.setStyleRanges(new StyleRange[0]);
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                editor.setStyleRange(new StyleRange(offset, line.length(), null, null, SWT.BOLD));
            }
            offset += line.length() + 1;
        }
        java.util.regex.Matcher m = NoteLinks.LINK.matcher(text);
        while (m.find()) {
            editor.setStyleRange(new StyleRange(m.start(), m.end() - m.start(), editor.getDisplay().getSystemColor(SWT.COLOR_BLUE), null));
        }
    }

    private void newNote() {
        if (caseId == null) {
            return;
        }
        try {
            Note note = Notes.of(workspace).add(caseId, "New note", "New note", List.of(), false);
            reload(Optional.of(note.number()));
            editor.setFocus();
            editor.selectAll();
        } catch (WorkspaceException e) {
            status.setText(e.getMessage());
        }
    }

    private void deleteNote() {
        Note note = selected();
        if (note == null) {
            return;
        }
        IInputValidator reason = text -> text.isBlank() ? "Give a reason; it goes to the custody log" : null;
        InputDialog ask = new InputDialog(table.getShell(), "Delete Note", "Why delete note " + note.number() + " \"" + note.title()
                + "\"? Its versions stay in its history and the custody log.", "", reason);
        if (ask.open() == Window.OK) {
            delete(note, ask.getValue());
        }
    }

    void delete(Note note, String why) {
        try {
            shown = null;
            Notes.of(workspace).delete(note.caseId(), note.number(), why);
            reload(Optional.empty());
        } catch (WorkspaceException e) {
            status.setText(e.getMessage());
        }
    }

    private void markForReport() {
        Note note = selected();
        if (note == null) {
            return;
        }
        try {
            saveNow();
            Notes.of(workspace).markForReport(note.caseId(), note.number(), forReport.getSelection());
            reload(Optional.of(note.number()));
        } catch (WorkspaceException e) {
            status.setText(e.getMessage());
        }
    }

    /** Keeps what was typed when the view closes. */
    @PreDestroy
    void close() {
        saveNow();
        try {
            saver.join(5000, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // for tests

    void newNoteForTest() {
        newNote();
    }

    void type(String text) {
        editor.setText(text);
    }

    String statusText() {
        return status.getText();
    }

    int rows() {
        return table.getItemCount();
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
