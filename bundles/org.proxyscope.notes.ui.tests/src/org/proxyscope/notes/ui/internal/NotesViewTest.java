package org.proxyscope.notes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ProxyscopeModel;
import org.proxyscope.app.tests.support.Widgets;
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
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        context = EclipseContextFactory.create("test");
        context.set(Workspace.class, ws);
        context.set(Composite.class, shell);
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
}
