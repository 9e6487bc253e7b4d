package org.proxyscope.notes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Reveal;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.notes.Note;
import org.proxyscope.notes.Notes;

/** The Case Notes view on a real display: a new note, text saved by itself once typing pauses, versions and custody. */
class NotesViewTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;
    private Shell shell;
    private IEclipseContext context;
    private Case subject;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(tmp.resolve("ws"), "alice");
        subject = ws.createCase(NewCase.of("SOCKS on the line", "192.0.2.7", "", "KUNDE-4711", "high", List.of()));
        shell = Widgets.partShell(display);
        context = Widgets.partContext(ws, shell);
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        ws.close();
    }

    @Test
    void whatIsTypedIsSavedAsTheNextVersionOnceTypingPauses() throws Exception {
        Notes.of(ws).add(subject.id(), "Earlier", "An earlier note", List.of(), false);
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        assertEquals(1, part.rows());
        part.newNoteForTest();
        assertEquals(2, part.rows());
        part.type("# Call with the customer\nThe PC runs a SOCKS proxy on 1080, see [[evidence:1]].");
        assertEquals("Unsaved changes...", part.statusText());
        Widgets.spinUntil(display, () -> part.statusText().startsWith("Version 2, saved "), "the autosave");
        Note saved = Notes.of(ws).find(subject.id(), 2).orElseThrow();
        assertEquals(2, saved.version());
        assertEquals("# Call with the customer\nThe PC runs a SOCKS proxy on 1080, see [[evidence:1]].", saved.text());
        assertEquals(CustodyAction.NOTE_EDITED, ws.custody(subject.id()).get(ws.custody(subject.id()).size() - 1).action());
        shell.setSize(520, 560);
        shell.open();
        Widgets.screenshot(shell, "case-notes");
        part.type("Typed just before the view closed");
        ContextInjectionFactory.uninject(part, context); // the view closes before the pause: what was typed is kept
        assertEquals("Typed just before the view closed", Notes.of(ws).find(subject.id(), 2).orElseThrow().text());
        assertTrue(ws.verify(subject.id(), org.proxyscope.core.Progress.NONE).intact());
    }

    /** New Note waits for a case, and Delete for a note: before, both could be clicked to no effect. */
    @Test
    void newNoteWaitsForACaseAndDeleteForANote() throws Exception {
        context.remove(ProxyscopeModel.SELECTED_CASE);
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        Button add = Widgets.button(shell, "&New Note");
        Button delete = Widgets.button(shell, "&Delete...");
        assertTrue(!add.getEnabled() && !delete.getEnabled(), "no case chosen yet");
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        assertTrue(add.getEnabled() && !delete.getEnabled(), "a case, but no note of it chosen");
        part.newNoteForTest();
        assertEquals(1, part.rows());
        assertTrue(delete.getEnabled(), "the new note is chosen");
    }

    /** In a view as narrow as the Reporting perspective's, the line under the editor wraps instead of being cut. */
    @Test
    void theLineUnderTheEditorWrapsInANarrowView() throws Exception {
        Notes.of(ws).add(subject.id(), "Earlier", "An earlier note", List.of(), false);
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        shell.setSize(240, 560); // narrower than the line's one-line width
        shell.open();
        part.newNoteForTest();
        part.type("The customer called back.");
        Widgets.spinUntil(display, () -> part.statusText().startsWith("Version 2, saved "), "the autosave");
        org.eclipse.swt.widgets.Label status = Widgets.one(shell, org.eclipse.swt.widgets.Label.class,
                l -> l.getText().equals(part.statusText()));
        Widgets.spinUntil(display, () -> status.getBounds().height >= 2 * status.computeSize(SWT.DEFAULT, SWT.DEFAULT).y,
                "the line on two lines: " + status.getBounds());
        assertTrue(status.getBounds().x + status.getBounds().width <= status.getParent().getClientArea().width,
                status.getBounds() + " within " + status.getParent().getClientArea());
    }

    @Test
    void ctrlSpaceCompletesALinkAndThePreviewSpellsItOut() throws Exception {
        ws.addEvidence(subject.id(), java.nio.file.Files.writeString(tmp.resolve("netstat.txt"), "tcp 0.0.0.0:1080 LISTEN"), "customer PC",
                org.proxyscope.core.Progress.NONE);
        Notes.of(ws).add(subject.id(), "Call", "# Call\nThe customer called.", List.of(), false);
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        shell.setSize(640, 620);
        shell.open();
        part.table().setSelection(0);
        part.table().notifyListeners(SWT.Selection, new Event());
        StyledText editor = part.editor();
        editor.setFocus();
        editor.setCaretOffset(editor.getCharCount());
        editor.insert("\nSee [[ev");
        editor.setCaretOffset(editor.getCharCount());
        Event ctrlSpace = new Event();
        ctrlSpace.keyCode = ' ';
        ctrlSpace.character = ' ';
        ctrlSpace.stateMask = SWT.CTRL;
        editor.notifyListeners(SWT.KeyDown, ctrlSpace);
        Widgets.spinUntil(display, () -> part.completion().isProposalPopupOpen(), "the link proposals open");
        Table proposals = Widgets.find(popup(), Table.class, t -> true).get(0);
        Widgets.spinUntil(display, () -> proposals.getItemCount() == 1, "the proposals narrowed to evidence");
        assertEquals("[[evidence:1]]   evidence #1, netstat.txt", proposals.getItem(0).getText());
        Widgets.screenshot(shell, "note-link-completion");
        Event enter = new Event();
        enter.keyCode = SWT.CR;
        enter.character = SWT.CR;
        editor.notifyListeners(SWT.KeyDown, enter);
        Widgets.spinUntil(display, () -> editor.getText().endsWith("See [[evidence:1]]"), "the chosen link completes what was typed");
        part.tabs().setSelection(1);
        part.tabs().notifyListeners(SWT.Selection, new Event());
        String rendered = part.preview().getText();
        assertTrue(rendered.startsWith("Call\n\nThe customer called. See [evidence #1, netstat.txt]"), rendered);
        Widgets.screenshot(shell, "note-preview");
        Widgets.spinUntil(display, () -> part.statusText().startsWith("Version 2, saved"), "the completed link is saved");
    }

    private Composite popup() {
        for (Shell s : display.getShells()) {
            if (s != shell && s.isVisible() && !Widgets.find(s, Table.class, t -> true).isEmpty()) {
                return s;
            }
        }
        throw new AssertionError("no proposal popup");
    }

    @Test
    void theHistoryComparesTwoVersionsAndRestoresOne() throws Exception {
        Notes notes = Notes.of(ws);
        notes.add(subject.id(), "Call", "Customer called.\nPC runs SOCKS on 1080.", List.of(), false);
        notes.edit(subject.id(), 1, java.util.Optional.empty(), "Customer called.\nPC runs SOCKS on 1080 and 3128.\nDeadline Friday.");
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        shell.setSize(640, 620);
        shell.open();
        part.table().setSelection(0);
        part.table().notifyListeners(SWT.Selection, new Event());
        String[] seen = new String[3];
        display.asyncExec(() -> {
            Shell dialog = shellTitled("History of Note 1, \"Call\"");
            Table versions = Widgets.find(dialog, Table.class, t -> true).get(0);
            StyledText text = Widgets.find(dialog, StyledText.class, t -> true).get(0);
            assertEquals(2, versions.getItemCount());
            versions.setSelection(new int[] {0, 1});
            versions.notifyListeners(SWT.Selection, new Event());
            seen[0] = text.getText();
            try {
                Widgets.screenshot(dialog, "note-history-diff");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            versions.setSelection(1);
            versions.notifyListeners(SWT.Selection, new Event());
            seen[1] = text.getText();
            Button restore = Widgets.button(dialog, "&Restore This Version");
            seen[2] = Boolean.toString(restore.isEnabled());
            Widgets.click(restore);
        });
        Widgets.click(part.historyButton()); // blocks in the dialog's own loop until the restore closes it
        assertEquals("  Customer called.\n- PC runs SOCKS on 1080.\n+ PC runs SOCKS on 1080 and 3128.\n+ Deadline Friday.\n", seen[0]);
        assertEquals("Customer called.\nPC runs SOCKS on 1080.", seen[1]);
        assertEquals("true", seen[2]);
        Note restored = notes.find(subject.id(), 1).orElseThrow();
        assertEquals(3, restored.version());
        assertEquals("Customer called.\nPC runs SOCKS on 1080.", restored.text());
        assertEquals("Customer called.\nPC runs SOCKS on 1080.", part.editor().getText(), "the editor shows the restored text");
    }

    /** A paragraph is one long line: a version is read whole, wrapped, as in the editor. */
    @Test
    void theHistoryShowsALongParagraphWrapped() throws Exception {
        String paragraph = "Customer called about the blocklisting; ".repeat(12).strip();
        Notes.of(ws).add(subject.id(), "Call", paragraph, List.of(), false);
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        shell.setSize(640, 620);
        shell.open();
        part.table().setSelection(0);
        part.table().notifyListeners(SWT.Selection, new Event());
        int[] seen = new int[3];
        display.asyncExec(() -> {
            Shell dialog = shellTitled("History of Note 1, \"Call\"");
            StyledText text = Widgets.find(dialog, StyledText.class, t -> true).get(0);
            org.eclipse.swt.graphics.Point end = text.getLocationAtOffset(text.getCharCount());
            seen[0] = end.x;
            seen[1] = end.y - text.getLocationAtOffset(0).y;
            seen[2] = text.getClientArea().width;
            dialog.close();
        });
        Widgets.click(part.historyButton());
        assertTrue(seen[1] > 0, "the paragraph's end is on a line below its start");
        assertTrue(seen[0] <= seen[2], "and within sight: x " + seen[0] + " of " + seen[2]);
    }

    private Shell shellTitled(String title) {
        for (Shell s : display.getShells()) {
            if (s.getText().equals(title)) {
                return s;
            }
        }
        throw new AssertionError("no window titled " + title);
    }

    @Test
    void tagsAreSavedAndTheReportsNotesMoveWithAltArrows() throws Exception {
        Notes notes = Notes.of(ws);
        notes.add(subject.id(), "First", "One", List.of(), true);
        notes.add(subject.id(), "Second", "Two", List.of(), true);
        notes.add(subject.id(), "Aside", "Not for the report", List.of(), false);
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        shell.setSize(640, 620);
        shell.open();
        assertEquals(List.of("1 First 1", "2 Second 2", "3 Aside "), rows(part));
        part.table().setSelection(1);
        part.table().notifyListeners(SWT.Selection, new Event());
        Event altUp = new Event();
        altUp.keyCode = SWT.ARROW_UP;
        altUp.stateMask = SWT.ALT;
        part.table().notifyListeners(SWT.KeyDown, altUp);
        assertEquals(List.of("2 Second 1", "1 First 2", "3 Aside "), rows(part));
        assertEquals(List.of(2, 1), notes.forReport(subject.id()).stream().map(Note::number).toList());
        assertEquals(0, part.table().getSelectionIndex(), "the moved note stays selected");
        part.tagsField().setText("deadline, call");
        part.tagsField().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(List.of("deadline", "call"), notes.find(subject.id(), 2).orElseThrow().tags());
        assertEquals("deadline, call", part.table().getItem(0).getText(2));
        part.table().setSelection(2);
        part.table().notifyListeners(SWT.Selection, new Event());
        part.table().notifyListeners(SWT.KeyDown, altUp);
        assertEquals("Only notes for the report have an order; tick \"For the report\" first.", part.statusText());
        Widgets.screenshot(shell, "case-notes-ordered");
    }

    private static List<String> rows(NotesPart part) {
        return java.util.Arrays.stream(part.table().getItems()).map(r -> r.getText(0) + " " + r.getText(1) + " " + r.getText(4)).toList();
    }

    @Test
    void aRevealedNoteIsSelected() throws Exception {
        Notes notes = Notes.of(ws);
        notes.add(subject.id(), "First", "One", List.of(), false);
        notes.add(subject.id(), "Second", "Two", List.of(), false);
        NotesPart part = ContextInjectionFactory.make(NotesPart.class, context);
        context.set(ProxyscopeModel.REVEAL, new Reveal(subject.id(), "note", "2"));
        assertEquals("Two", part.editor().getText());
    }
}
