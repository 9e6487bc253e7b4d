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
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.proxyscope.app.ui.Reveal;
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
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
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
    private Button add;
    private Button delete;
    private Button forReport;
    private Button history;
    private Text title;
    private Text tags;
    private CTabFolder tabs;
    private StyledText editor;
    private StyledText preview;
    private ContentProposalAdapter completion;
    private Label status;
    private CaseId caseId;
    private Note shown;
    /** A note a search result or the timeline asked for, selected once its case's notes are listed. */
    private Reveal wanted;
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
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(buttons); // the check box below: the view is narrow
        add = new Button(buttons, SWT.PUSH);
        add.setText("&New Note");
        add.setEnabled(false); // until a case is chosen: a note belongs to one
        add.addListener(SWT.Selection, e -> newNote());
        delete = new Button(buttons, SWT.PUSH);
        delete.setText("&Delete...");
        delete.addListener(SWT.Selection, e -> deleteNote());
        history = new Button(buttons, SWT.PUSH);
        history.setText("&History...");
        history.setToolTipText("Every version of the note: read one, compare two, restore one");
        history.addListener(SWT.Selection, e -> openHistory());
        forReport = new Button(parent, SWT.CHECK);
        forReport.setText("For the &report");
        forReport.setToolTipText("The report prints its notes in the order listed here; drag a note, or Alt+Up and Alt+Down, to move it");
        forReport.addListener(SWT.Selection, e -> markForReport());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        table = new Table(sash, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"No.", "40"}, {"Title", "200"}, {"Tags", "110"}, {"Version", "60"}, {"In report", "70"}});
        table.addListener(SWT.Selection, e -> open(selected()));
        table.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.ALT) != 0 && (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.ARROW_DOWN)) {
                moveSelected(e.keyCode == SWT.ARROW_UP ? -1 : 1);
                e.doit = false;
            }
        });
        acceptDrags();
        Composite edit = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(edit);
        title = new Text(edit, SWT.BORDER);
        title.setMessage("Title");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        tags = new Text(edit, SWT.BORDER);
        tags.setMessage("Tags, separated by commas");
        tags.setToolTipText("Saved when you press Enter or leave the field");
        GridDataFactory.fillDefaults().hint(120, SWT.DEFAULT).applyTo(tags);
        tags.addListener(SWT.DefaultSelection, e -> saveTags());
        tags.addListener(SWT.FocusOut, e -> saveTags());
        tabs = new CTabFolder(edit, SWT.BORDER | SWT.BOTTOM);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(tabs);
        editor = new StyledText(tabs, SWT.MULTI | SWT.V_SCROLL | SWT.WRAP);
        editor.setFont(JFaceResources.getTextFont());
        CTabItem markdown = new CTabItem(tabs, SWT.NONE);
        markdown.setText("Markdown");
        markdown.setToolTipText("Ctrl+Space completes a link: [[evidence:N]], [[note:N]], [[finding:run/N]], [[session:evidence/flow]]");
        markdown.setControl(editor);
        preview = new StyledText(tabs, SWT.MULTI | SWT.V_SCROLL | SWT.WRAP | SWT.READ_ONLY);
        preview.setMargins(8, 6, 8, 6);
        CTabItem rendered = new CTabItem(tabs, SWT.NONE);
        rendered.setText("Preview");
        rendered.setToolTipText("The note as the report prints it, links spelled out");
        rendered.setControl(preview);
        tabs.setSelection(markdown);
        tabs.addListener(SWT.Selection, e -> renderPreview());
        completion = new ContentProposalAdapter(editor, new StyledTextContentAdapter(), new LinkProposals(workspace, () -> caseId),
                KeyStroke.getInstance(SWT.CTRL, ' '), null);
        completion.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_INSERT);
        completion.setPopupSize(new org.eclipse.swt.graphics.Point(560, 220));
        // StyledText handles a key before the proposals' own listener does: while they are open, Enter and the
        // arrows belong to them, not to the text (a newline, a caret moved out of the link being typed)
        editor.addVerifyKeyListener(e -> {
            if (completion.isProposalPopupOpen() && (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR || e.keyCode == SWT.ARROW_UP
                    || e.keyCode == SWT.ARROW_DOWN || e.keyCode == SWT.PAGE_UP || e.keyCode == SWT.PAGE_DOWN)) {
                e.doit = false;
            }
        });
        status = new Label(edit, SWT.WRAP);
        // wraps at the view's width: in the Reporting perspective's narrow column "... by alice" and the reason a note
        // was not saved were cut off
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(100, SWT.DEFAULT).applyTo(status);
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
        add.setEnabled(true);
        reload(Optional.empty());
    }

    /** Lists the notes, those for the report first in the report's order, the others by number. */
    private void reload(Optional<Integer> select) {
        table.removeAll();
        Optional<Integer> chosen = select;
        if (wanted != null && wanted.caseId().equals(caseId)) {
            chosen = Optional.of(wanted.first());
            wanted = null;
        }
        try {
            List<Note> notes = new java.util.ArrayList<>(Notes.of(workspace).list(caseId));
            notes.sort(java.util.Comparator.comparing((Note n) -> !n.forReport()).thenComparingInt(n -> n.forReport() ? n.reportOrder() : 0)
                    .thenComparingInt(Note::number));
            int position = 0;
            for (Note n : notes) {
                TableItem row = new TableItem(table, SWT.NONE);
                row.setData(n);
                row.setText(new String[] {Integer.toString(n.number()), n.title(), String.join(", ", n.tags()),
                        Integer.toString(n.version()), n.forReport() ? Integer.toString(++position) : ""});
                if (chosen.isPresent() && chosen.get() == n.number()) {
                    table.setSelection(row);
                    table.showItem(row);
                }
            }
        } catch (WorkspaceException e) {
            say(e.getMessage());
        }
        open(selected());
    }

    /** A search result or timeline entry that names a note of this view's case. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void reveal(@org.eclipse.e4.core.di.annotations.Optional @Named(ProxyscopeModel.REVEAL) Reveal reveal) {
        if (reveal == null || !reveal.kind().equals("note")) {
            return;
        }
        wanted = reveal;
        if (table != null && !table.isDisposed() && reveal.caseId().equals(caseId)) {
            saveNow();
            reload(Optional.empty());
        }
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
        tags.setText(note == null ? "" : String.join(", ", note.tags()));
        editor.setText(note == null ? "" : note.text());
        filling = false;
        highlight();
        renderPreview();
        forReport.setSelection(note != null && note.forReport());
        say(note == null ? "" : "Version " + note.version() + ", saved " + UtcTime.seconds(note.updated()) + " by " + note.updatedBy());
        enableEditing(note != null);
    }

    private void enableEditing(boolean on) {
        delete.setEnabled(on);
        title.setEnabled(on);
        tags.setEnabled(on);
        editor.setEnabled(on);
        forReport.setEnabled(on);
        history.setEnabled(on);
    }

    /** Every keystroke re-arms the timer; the save starts once typing has paused. */
    private void typed() {
        if (filling || shown == null) {
            return;
        }
        highlight();
        say("Unsaved changes...");
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
            say("A note needs text; the empty text is not saved.");
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
                say(text);
                if (saved != null) {
                    for (TableItem row : table.getItems()) {
                        if (((Note) row.getData()).number() == saved.number() && saved.caseId().equals(caseId)) {
                            row.setData(saved);
                            row.setText(1, saved.title());
                            row.setText(3, Integer.toString(saved.version()));
                        }
                    }
                    changed(saved.caseId());
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
            say(e.getMessage());
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
            say(e.getMessage());
        }
    }

    private void markForReport() {
        Note note = selected();
        if (note == null) {
            return;
        }
        boolean on = forReport.getSelection();
        change(note.number(), notes -> notes.markForReport(note.caseId(), note.number(), on));
    }

    /** The Preview tab follows the text while it is the tab shown; rendering for a hidden tab would be wasted. */
    private void renderPreview() {
        if (tabs.getSelectionIndex() != 1) {
            return;
        }
        String text = editor.getText();
        try {
            MarkdownPreview.show(preview, text, caseId == null ? List.of() : NoteLinks.resolve(workspace, caseId, text));
        } catch (WorkspaceException e) {
            preview.setText("The note's links cannot be resolved: " + e.getMessage());
        }
    }

    private void saveTags() {
        Note note = shown;
        if (note == null || filling) {
            return;
        }
        List<String> wantedTags = java.util.Arrays.stream(tags.getText().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (wantedTags.equals(note.tags())) {
            return;
        }
        change(note.number(), notes -> notes.tag(note.caseId(), note.number(), wantedTags));
    }

    private void openHistory() {
        Note note = selected();
        if (note == null) {
            return;
        }
        saveNow();
        try {
            saver.join(5000, null); // the history shows the version just typed
            NoteHistoryDialog dialog = new NoteHistoryDialog(table.getShell(), Notes.of(workspace), note);
            dialog.open();
            if (dialog.restored().isPresent()) {
                relist(note.number());
            }
        } catch (WorkspaceException e) {
            say(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Moves the selected note up or down among the report's notes. */
    void moveSelected(int by) {
        Note note = selected();
        if (note == null || !note.forReport()) {
            say(note == null ? "" : "Only notes for the report have an order; tick \"For the report\" first.");
            return;
        }
        List<Integer> order = reportOrder();
        int from = order.indexOf(note.number());
        int to = Math.max(0, Math.min(order.size() - 1, from + by));
        order.add(to, order.remove(from));
        change(note.number(), notes -> notes.orderForReport(caseId, order));
    }

    /** A note dropped on another takes its place among the report's notes; the other moves aside. */
    void moveBefore(int moved, int target) {
        List<Integer> order = reportOrder();
        int place = order.indexOf(target);
        if (!order.contains(moved) || place < 0 || moved == target) {
            return;
        }
        order.remove(Integer.valueOf(moved));
        order.add(place, moved);
        change(moved, notes -> notes.orderForReport(caseId, order));
    }

    private List<Integer> reportOrder() {
        List<Integer> order = new java.util.ArrayList<>();
        for (TableItem row : table.getItems()) {
            Note n = (Note) row.getData();
            if (n.forReport()) {
                order.add(n.number());
            }
        }
        return order;
    }

    /** A change to the case's notes other than their text, made through the core. */
    private interface NoteChange {
        void apply(Notes notes) throws WorkspaceException;
    }

    /** Keeps what was typed, makes the change, and lists the case's notes again with note {@code keep} selected. */
    private void change(int keep, NoteChange change) {
        saveNow();
        try {
            change.apply(Notes.of(workspace));
            relist(keep);
        } catch (WorkspaceException e) {
            say(e.getMessage());
        }
    }

    /** The notes as they are now, {@code keep} selected and shown afresh; other views hear of the change. */
    private void relist(int keep) {
        shown = null;
        reload(Optional.of(keep));
        changed(caseId);
    }

    private void acceptDrags() {
        Transfer[] types = {TextTransfer.getInstance()};
        DragSource source = new DragSource(table, DND.DROP_MOVE);
        source.setTransfer(types);
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                Note note = selected();
                event.doit = note != null && note.forReport();
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = Integer.toString(selected().number());
            }
        });
        DropTarget target = new DropTarget(table, DND.DROP_MOVE);
        target.setTransfer(types);
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void drop(DropTargetEvent event) {
                if (event.item instanceof TableItem row && event.data instanceof String number) {
                    moveBefore(Integer.parseInt(number), ((Note) row.getData()).number());
                }
            }
        });
    }

    private void changed(CaseId id) {
        if (broker != null) {
            broker.post(CaseEvents.CHANGED, id);
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

    /** Says {@code text} under the editor, on as many lines as it takes. */
    private void say(String text) {
        status.setText(text);
        status.getParent().layout(new Control[] {status});
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

    Table table() {
        return table;
    }

    StyledText editor() {
        return editor;
    }

    Text tagsField() {
        return tags;
    }

    CTabFolder tabs() {
        return tabs;
    }

    StyledText preview() {
        return preview;
    }

    ContentProposalAdapter completion() {
        return completion;
    }

    Button historyButton() {
        return history;
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
