package org.proxyscope.plugins.ui.internal;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.InstallerClient;
import org.proxyscope.plugins.PluginException;

/** The installed features, which came with the product and which were added; uninstall, updates, remembered sites. */
final class InstalledPluginsDialog extends Dialog {

    /** The tables' width: every column whole, the id's included. */
    private static final int WIDTH = 885;

    private final InstallerClient client;
    private final IWorkbench workbench;
    private final UISynchronize ui;
    private TableViewer features;
    private TableViewer sites;
    private Label status;
    private Button uninstall;
    private Button forget;
    private Button update;
    private List<InstallerClient.Update> updates = List.of();

    InstalledPluginsDialog(Shell parent, InstallerClient client, IWorkbench workbench, UISynchronize ui) {
        super(parent);
        this.client = client;
        this.workbench = workbench;
        this.ui = ui;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Installed Plug-ins");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        features = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        features.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(WIDTH, 200).applyTo(features.getControl());
        Tables.addColumn(features, Feature.class, "Name", 200, Feature::name);
        Tables.addColumn(features, Feature.class, "Version", 150, Feature::version);
        Tables.addColumn(features, Feature.class, "Origin", 125, f -> Feature.ADDED.equals(f.origin()) ? "added" : "with the product");
        // beside each feature, not in one line of text: seven features' updates ran past the dialog's edge
        Tables.addColumn(features, Feature.class, "Update", 150, this::newerVersion);
        Tables.addColumn(features, Feature.class, "Id", 250, Feature::id);
        features.setContentProvider(ArrayContentProvider.getInstance());
        features.addSelectionChangedListener(e -> enable());
        Composite buttons = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        uninstall = button(buttons, "&Uninstall...", this::uninstall);
        button(buttons, "Check for Up&dates", this::checkForUpdates);
        update = button(buttons, "&Install Updates", this::installUpdates);

        new Label(area, SWT.NONE).setText("Update sites this installation remembers:");
        new Label(area, SWT.NONE);
        sites = new TableViewer(area, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).hint(WIDTH, 60).applyTo(sites.getControl());
        sites.setContentProvider(ArrayContentProvider.getInstance());
        sites.addSelectionChangedListener(e -> enable());
        Composite siteButtons = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(siteButtons);
        forget = button(siteButtons, "&Forget", this::forget);
        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(WIDTH, SWT.DEFAULT).applyTo(status);
        enable();
        background("Reading the installation", client::installed, this::show);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == IDialogConstants.CLOSE_ID) {
            close();
        }
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        GridDataFactory.fillDefaults().applyTo(b);
        b.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> action.run()));
        return b;
    }

    private void show(InstallerClient.Installed installed) {
        features.setInput(installed.features());
        sites.setInput(installed.repositories());
        long added = installed.features().stream().filter(f -> Feature.ADDED.equals(f.origin())).count();
        status.setText(installed.features().size() + " features, " + added + " of them added from update sites.");
        enable();
        features.getControl().setFocus();
    }

    /** The version a remembered site offers over the installed one, once Check for Updates found it. */
    private String newerVersion(Feature f) {
        return updates.stream().filter(u -> u.feature().id().equals(f.id())).map(u -> u.feature().version()).findFirst().orElse("");
    }

    private Feature selectedFeature() {
        return (Feature) ((IStructuredSelection) features.getSelection()).getFirstElement();
    }

    private void enable() {
        Feature f = selectedFeature();
        uninstall.setEnabled(f != null && Feature.ADDED.equals(f.origin()));
        uninstall.setToolTipText(f != null && !Feature.ADDED.equals(f.origin()) ? "Only plug-ins added from an update site can be uninstalled" : null);
        forget.setEnabled(!sites.getSelection().isEmpty());
        update.setEnabled(!updates.isEmpty());
    }

    private void uninstall() {
        Feature f = selectedFeature();
        if (!MessageDialog.openConfirm(getShell(), "Uninstall", "Uninstall " + f.name() + " " + f.version() + "? Its views and commands"
                + " go; what it kept in workspaces stays.")) {
            return;
        }
        Shell parent = getParentShell();
        close();
        Job job = Job.create("Uninstalling " + f.name(), monitor -> {
            monitor.beginTask("Uninstalling " + f.name(), 100);
            try {
                client.uninstall(f.id(), (percent, task) -> monitor.subTask(task));
            } catch (PluginException e) {
                if (client.cancelled()) {
                    return Status.CANCEL_STATUS;
                }
                Installer.failed(ui, parent, "Uninstall", e);
                return Status.error(e.getMessage());
            }
            ui.asyncExec(() -> Installer.offerRestart(parent, workbench, "Uninstalled " + f.name() + "."));
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    private void checkForUpdates() {
        background("Checking the remembered update sites for updates", client::updates, found -> {
            updates = found;
            features.refresh();
            status.setText(found.isEmpty() ? "Every installed plug-in is up to date with the remembered update sites."
                    : found.size() + (found.size() == 1 ? " plug-in has a newer version" : " plug-ins have newer versions")
                            + " (column Update); Install Updates installs " + (found.size() == 1 ? "it." : "them."));
            enable();
        });
    }

    private void installUpdates() {
        Shell parent = getParentShell();
        List<InstallerClient.Update> chosen = updates;
        close();
        chosen.stream().collect(Collectors.groupingBy(InstallerClient.Update::site)).forEach((site, these) ->
                new InstallJob(client, site, these.stream().map(InstallerClient.Update::feature).toList(), parent, workbench, ui).schedule());
    }

    private void forget() {
        URI site = (URI) ((IStructuredSelection) sites.getSelection()).getFirstElement();
        background("Forgetting " + site, () -> {
            client.forget(site);
            return client.installed();
        }, this::show);
    }

    /** Runs {@code call} off the UI thread, saying so in the status line, and hands its result to {@code then}. */
    private <T> void background(String what, Installer.Call<T> call, java.util.function.Consumer<T> then) {
        status.setText(what + "...");
        Job job = Job.create(what, monitor -> {
            try {
                T result = call.run();
                ui.asyncExec(() -> {
                    if (!status.isDisposed()) {
                        then.accept(result);
                    }
                });
            } catch (PluginException e) {
                ui.asyncExec(() -> {
                    if (!status.isDisposed()) {
                        status.setText(e.getMessage());
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }
}
