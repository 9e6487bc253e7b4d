package org.proxyscope.notes.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.notes.Note;
import org.proxyscope.notes.NoteDiff;
import org.proxyscope.notes.NoteVersion;
import org.proxyscope.notes.Notes;

/**
 * A note's history: every version with when, by whom and what was done. One version selected shows its text,
 * two show what changed between them (removed lines on red, added on green); Restore makes the one selected
 * current again as a new version.
 */
final class NoteHistoryDialog extends Dialog {

    static final int RESTORE = IDialogConstants.CLIENT_ID + 1;

    private final Notes notes;
    private final Note note;
    private List<NoteVersion> versions = List.of();
    private Table table;
    private StyledText text;
    private Label caption;
    private Note restored;

    NoteHistoryDialog(Shell parent, Notes notes, Note note) {
        super(parent);
        this.notes = notes;
        this.note = note;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("History of Note " + note.number() + ", \"" + note.title() + "\"");
    }

    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        return new org.eclipse.swt.graphics.Point(860, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Label hint = new Label(area, SWT.WRAP);
        hint.setText("Select a version to read it, or two (Ctrl+click) to see what changed between them.");
        SashForm sash = new SashForm(area, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        table = new Table(sash, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"Version", "60"}, {"Saved (UTC)", "180"}, {"By", "70"}, {"What", "150"}});
        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(right);
        caption = new Label(right, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(caption);
        // wrapped as in the editor: a note's paragraph is one long line, which ran out of sight to the right
        text = new StyledText(right, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        text.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
        sash.setWeights(45, 55);
        table.addListener(SWT.Selection, e -> showSelected());
        try {
            versions = notes.history(note.caseId(), note.number());
        } catch (WorkspaceException e) {
            caption.setText(e.getMessage());
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            NoteVersion v = versions.get(i);
            TableItem row = new TableItem(table, SWT.NONE);
            row.setData(v);
            row.setText(new String[] {Integer.toString(v.version()), UtcTime.seconds(v.saved()), v.author(), v.action()});
        }
        if (table.getItemCount() > 0) {
            table.setSelection(0);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, RESTORE, "&Restore This Version", false).setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
        showSelected();
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == RESTORE) {
            restore();
        } else {
            close();
        }
    }

    private List<NoteVersion> selected() {
        List<NoteVersion> chosen = new ArrayList<>();
        for (TableItem row : table.getSelection()) {
            chosen.add((NoteVersion) row.getData());
        }
        chosen.sort(java.util.Comparator.comparingInt(NoteVersion::version));
        return chosen;
    }

    private void showSelected() {
        List<NoteVersion> chosen = selected();
        Button restore = getButton(RESTORE);
        if (restore != null) {
            restore.setEnabled(chosen.size() == 1 && chosen.get(0).version() != versions.get(versions.size() - 1).version());
        }
        text.setStyleRanges(new StyleRange[0]);
        if (chosen.size() == 1) {
            NoteVersion v = chosen.get(0);
            caption.setText("Version " + v.version() + ": " + v.title());
            text.setText(v.text());
        } else if (chosen.size() == 2) {
            showDiff(NoteDiff.of(chosen.get(0), chosen.get(1)));
        } else {
            caption.setText(chosen.isEmpty() ? "" : "Select one version to read, or two to compare.");
            text.setText("");
        }
    }

    private void showDiff(NoteDiff diff) {
        caption.setText("From version " + diff.from().version() + " to version " + diff.to().version()
                + (diff.titleChanged() ? ", renamed from \"" + diff.from().title() + "\" to \"" + diff.to().title() + "\"" : ""));
        StringBuilder out = new StringBuilder();
        List<StyleRange> styles = new ArrayList<>();
        Color removed = new Color(new RGB(255, 215, 215));
        Color added = new Color(new RGB(210, 245, 210));
        for (NoteDiff.Line line : diff.lines()) {
            int start = out.length();
            out.append(line.change().marker()).append(line.text()).append('\n');
            if (line.change() != NoteDiff.Change.SAME) {
                styles.add(new StyleRange(start, out.length() - start, null, line.change() == NoteDiff.Change.ADDED ? added : removed));
            }
        }
        text.setText(out.toString());
        text.setStyleRanges(styles.toArray(StyleRange[]::new));
    }

    private void restore() {
        NoteVersion v = selected().get(0);
        try {
            restored = notes.restore(note.caseId(), note.number(), v.version());
            setReturnCode(RESTORE);
            close();
        } catch (WorkspaceException e) {
            caption.setText("Not restored: " + e.getMessage());
        }
    }

    /** The note as the restore left it, if one was restored. */
    java.util.Optional<Note> restored() {
        return java.util.Optional.ofNullable(restored);
    }

    // for tests

    Table versionsTable() {
        return table;
    }

    StyledText shownText() {
        return text;
    }

    String caption() {
        return caption.getText();
    }
}
