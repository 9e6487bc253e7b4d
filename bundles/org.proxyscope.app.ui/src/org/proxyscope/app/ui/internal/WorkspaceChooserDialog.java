package org.proxyscope.app.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.core.WorkspaceLock;

/**
 * Asks which workspace folder to open, as Eclipse does, and only closes once that folder is really
 * usable: created, writable and not open in another window. The lock it took is handed to the caller.
 * <i>Team Workspace...</i> opens a team workspace instead (see {@link TeamWorkspaceDialog}).
 */
public final class WorkspaceChooserDialog extends TitleAreaDialog {

    /** Opens a workspace, the way the caller wants it held. */
    @FunctionalInterface
    public interface Opener {
        WorkspaceLock open(Path workspace) throws WorkspaceException;
    }

    /** Asks for a team workspace and opens it; empty when the analyst cancelled. */
    @FunctionalInterface
    public interface TeamChooser {
        Optional<Workspace> choose(Shell parent);
    }

    private static final int TEAM_ID = IDialogConstants.CLIENT_ID + 1;

    private final List<Path> recent;
    private final Path proposed;
    private final Opener opener;
    private final String initialError;
    private final boolean offerDefault;
    private final TeamChooser teamChooser;

    private Combo location;
    private Button dontAsk;
    private WorkspaceLock lock;
    private Workspace team;
    private boolean askNextTime = true;

    /**
     * @param proposed     the folder shown first
     * @param initialError why the previous choice failed, shown at once; null when there was none
     * @param offerDefault whether to offer "do not ask again" (not when switching workspaces)
     * @param teamChooser  what Team Workspace... does
     */
    public WorkspaceChooserDialog(Shell parent, List<Path> recent, Path proposed, Opener opener, String initialError,
            boolean offerDefault, TeamChooser teamChooser) {
        super(parent);
        this.teamChooser = teamChooser;
        this.recent = recent;
        this.proposed = proposed;
        this.opener = opener;
        this.initialError = initialError;
        this.offerDefault = offerDefault;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Proxyscope Workspace");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Select a workspace");
        setMessage("Proxyscope keeps cases, evidence and custody logs in a workspace folder.\n"
                + "Choose the folder for this session.");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(body);

        new Label(body, SWT.NONE).setText("&Workspace:");
        location = new Combo(body, SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(location);
        recent.forEach(p -> location.add(p.toString()));
        location.setText(proposed.toString());
        location.addModifyListener(e -> setErrorMessage(null));

        Button browse = new Button(body, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> browse());

        if (offerDefault) {
            dontAsk = new Button(body, SWT.CHECK);
            dontAsk.setText("&Use this workspace by default and do not ask again");
            GridDataFactory.fillDefaults().span(3, 1).indent(0, 8).applyTo(dontAsk);
        }
        return area;
    }

    @Override
    public void create() {
        super.create();
        if (initialError != null) {
            OpeningError.say(this, initialError);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, TEAM_ID, "&Team Workspace...", false);
        createButton(parent, IDialogConstants.OK_ID, "&Launch", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    private void browse() {
        chooseFolder(getShell(), "Workspace folder", "Choose the folder for the workspace; Proxyscope creates it if needed.",
                location.getText()).ifPresent(location::setText);
    }

    /** The folder the analyst picks in the system's folder dialog, starting at {@code start}; empty when cancelled. */
    static Optional<String> chooseFolder(Shell shell, String title, String message, String start) {
        DirectoryDialog chooser = new DirectoryDialog(shell, SWT.OPEN);
        chooser.setText(title);
        chooser.setMessage(message);
        chooser.setFilterPath(start);
        return Optional.ofNullable(chooser.open());
    }

    @Override
    protected void buttonPressed(int id) {
        if (id != TEAM_ID) {
            super.buttonPressed(id);
            return;
        }
        Optional<Workspace> chosen = teamChooser.choose(getShell());
        if (chosen.isPresent()) {
            team = chosen.get();
            setReturnCode(OK);
            close();
        }
    }

    @Override
    protected void okPressed() {
        try {
            Path workspace = WorkspaceFolder.resolve(location.getText());
            lock = opener.open(workspace);
            askNextTime = dontAsk == null || !dontAsk.getSelection();
            super.okPressed();
        } catch (WorkspaceException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /** The lock on the chosen workspace, once the analyst pressed Launch and it could be opened. */
    public Optional<WorkspaceLock> lock() {
        return Optional.ofNullable(lock);
    }

    /** The team workspace chosen instead, open, when the analyst went through Team Workspace... */
    public Optional<Workspace> team() {
        return Optional.ofNullable(team);
    }

    public boolean askNextTime() {
        return askNextTime;
    }
}
