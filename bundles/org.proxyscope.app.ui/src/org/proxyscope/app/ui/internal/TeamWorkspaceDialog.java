package org.proxyscope.app.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceLocation;

/**
 * Asks for a team workspace: the desk's PostgreSQL server, database and user, the password, TLS, and the shared
 * evidence folder. It closes only once the workspace is open; a server that refuses, or an evidence folder that
 * is not mounted, is said in the dialog and the analyst corrects it there.
 */
public final class TeamWorkspaceDialog extends TitleAreaDialog {

    /** Opens a team workspace with a password (null: the password kept, else PGPASSWORD, then ~/.pgpass). */
    @FunctionalInterface
    public interface Opener {
        Workspace open(WorkspaceLocation.Team team, String password) throws WorkspaceException;
    }

    private final Optional<WorkspaceLocation.Team> proposed;
    private final Opener opener;
    private final TeamPasswords passwords;
    private String initialError;

    private Text host;
    private Spinner port;
    private Text database;
    private Text user;
    private Text password;
    private Button tls;
    private Text evidence;
    private Button keepPassword;
    private Workspace opened;

    /**
     * @param proposed     the team workspace opened last, to start from
     * @param passwords where "keep the password" keeps it (Eclipse's secure storage)
     */
    public TeamWorkspaceDialog(Shell parent, Optional<WorkspaceLocation.Team> proposed, Opener opener, TeamPasswords passwords) {
        super(parent);
        this.proposed = proposed;
        this.opener = opener;
        this.passwords = passwords;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Team Workspace");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Open a team workspace");
        setMessage("The desk's cases are in a PostgreSQL database; the evidence files in a folder every analyst mounts.");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(body);
        host = field(body, "&Server:", proposed.map(WorkspaceLocation.Team::host).orElse(""), SWT.BORDER);
        new Label(body, SWT.NONE).setText("P&ort:");
        port = new Spinner(body, SWT.BORDER);
        port.setValues(proposed.map(WorkspaceLocation.Team::port).orElse(WorkspaceLocation.Team.DEFAULT_PORT), 1, 65_535, 0, 1, 100);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(port);
        database = field(body, "&Database:", proposed.map(WorkspaceLocation.Team::database).orElse("proxyscope"), SWT.BORDER);
        user = field(body, "&User:", proposed.map(WorkspaceLocation.Team::user).orElse(System.getProperty("user.name")), SWT.BORDER);
        password = field(body, "&Password:", "", SWT.BORDER | SWT.PASSWORD);
        password.setMessage("empty: the password kept, else PGPASSWORD or ~/.pgpass");
        tls = new Button(body, SWT.CHECK);
        tls.setText("Connect with &TLS (the server must offer it)");
        tls.setSelection(proposed.flatMap(WorkspaceLocation.Team::sslMode).filter(m -> !m.equals("disable")).isPresent());
        GridDataFactory.fillDefaults().span(3, 1).applyTo(tls);
        evidence = field(body, "&Evidence folder:", proposed.map(t -> t.evidence().toString()).orElse(""), SWT.BORDER);
        ((org.eclipse.swt.layout.GridData) evidence.getLayoutData()).horizontalSpan = 1;
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> browse());
        keepPassword = new Button(body, SWT.CHECK);
        keepPassword.setText("&Keep the password in the secure storage (your desktop keyring unlocks it)");
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 8).applyTo(keepPassword);
        // checked when a password is kept for the workspace proposed: clearing it forgets that password
        keepPassword.setSelection(proposed.map(passwords::isKept).orElse(false));
        return area;
    }

    @Override
    public void create() {
        super.create();
        if (initialError != null) {
            OpeningError.say(this, proposed.map(team -> inPlace(initialError, team)).orElse(initialError));
        }
    }

    /**
     * What went wrong, said in the dialog: its fields name the workspace, so the message leaves the address out
     * (the dialog's message area shows two lines).
     */
    private static String inPlace(String message, WorkspaceLocation.Team team) {
        String about = "Cannot open the team workspace " + team + ": ";
        String said = message.replace(" of the team workspace " + team, "");
        return said.startsWith(about) ? "Not opened: " + said.substring(about.length()) : said;
    }

    private static Text field(Composite body, String label, String value, int style) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, style);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(380, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private void browse() {
        WorkspaceChooserDialog.chooseFolder(getShell(), "Evidence folder", "Choose the shared folder the team workspace's evidence files are in.",
                evidence.getText()).ifPresent(evidence::setText);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Connect", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** The team workspace the fields name, as its address would name it. */
    WorkspaceLocation.Team team() {
        String server = host.getText().strip();
        if (server.isEmpty() || database.getText().isBlank() || user.getText().isBlank()) {
            throw new IllegalArgumentException("Enter the server, the database and the user.");
        }
        String folder = evidence.getText().strip();
        if (folder.isEmpty() || !Path.of(folder).isAbsolute()) {
            throw new IllegalArgumentException("Enter the absolute path of the shared evidence folder, e.g. /mnt/evidence.");
        }
        return new WorkspaceLocation.Team(server, port.getSelection(), database.getText().strip(), user.getText().strip(),
                Path.of(folder).normalize(), tls.getSelection() ? Optional.of("require") : Optional.empty());
    }

    @Override
    protected void okPressed() {
        WorkspaceLocation.Team team = null;
        try {
            team = team();
            String typed = password.getText().isEmpty() ? null : password.getText();
            Workspace workspace = opener.open(team, typed);
            boolean keep = keepPassword.getSelection();
            try {
                if (keep && typed != null) {
                    passwords.keep(team, typed);
                } else if (!keep) {
                    passwords.forget(team);
                }
            } catch (WorkspaceException e) {
                workspace.close(); // the password was not kept or forgotten as the analyst asked: say so, and stay
                throw new WorkspaceException(e.getMessage() + (keep ? " Clear \"Keep the password\" to connect without it." : ""), e);
            }
            opened = workspace;
            super.okPressed();
        } catch (IllegalArgumentException | WorkspaceException e) {
            setErrorMessage(team != null ? inPlace(e.getMessage(), team) : e.getMessage());
        }
    }

    /** Says at once why the workspace could not be opened without the dialog (a password kept nowhere, a server away). */
    public TeamWorkspaceDialog withError(String error) {
        this.initialError = error;
        return this;
    }

    /** The team workspace, open, once the analyst pressed Connect and it could be opened. */
    public Optional<Workspace> workspace() {
        return Optional.ofNullable(opened);
    }
}
