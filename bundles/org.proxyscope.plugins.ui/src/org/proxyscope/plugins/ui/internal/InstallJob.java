package org.proxyscope.plugins.ui.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.InstallerClient;
import org.proxyscope.plugins.PluginException;
import org.proxyscope.plugins.UnsignedContentException;

/**
 * Installs features in the background, with the installer's progress and Cancel (which ends the installer, whose p2
 * rolls back). Content nobody signed is installed only after the analyst's yes; then a restart shows the plug-ins.
 */
final class InstallJob extends Job {

    private final InstallerClient client;
    private final String site;
    private final List<Feature> features;
    private final Shell shell;
    private final IWorkbench workbench;
    private final UISynchronize ui;

    InstallJob(InstallerClient client, String site, List<Feature> features, Shell shell, IWorkbench workbench, UISynchronize ui) {
        super("Installing " + String.join(", ", features.stream().map(Feature::name).toList()));
        this.client = client;
        this.site = site;
        this.features = List.copyOf(features);
        this.shell = shell;
        this.workbench = workbench;
        this.ui = ui;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), 100 * features.size());
        int[] done = {0};
        try {
            for (Feature f : features) {
                int base = done[0];
                InstallerClient.Progress progress = (percent, task) -> {
                    monitor.subTask(task);
                    int now = base + percent;
                    if (now > done[0]) {
                        monitor.worked(now - done[0]);
                        done[0] = now;
                    }
                };
                try {
                    client.install(site, f.id(), false, progress);
                } catch (UnsignedContentException e) {
                    if (!trusted(f, e.getMessage())) {
                        return Status.info(f.name() + " was not installed: nobody signed it, and you chose not to trust it.");
                    }
                    client.install(site, f.id(), true, progress);
                }
                monitor.worked(base + 100 - done[0]);
                done[0] = base + 100;
            }
        } catch (PluginException e) {
            if (client.cancelled() || monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            Installer.failed(ui, shell, "Install New Software", e);
            return Status.error(e.getMessage());
        } finally {
            monitor.done();
        }
        ui.asyncExec(() -> Installer.offerRestart(shell, workbench, "Installed " + String.join(", ",
                features.stream().map(f -> f.name() + " " + f.version()).toList()) + "."));
        return Status.OK_STATUS;
    }

    /** Asks the analyst, in the UI thread, whether to install content that nobody signed. */
    private boolean trusted(Feature f, String refusal) {
        AtomicBoolean yes = new AtomicBoolean();
        ui.syncExec(() -> yes.set(MessageDialog.openQuestion(shell, "Unsigned Content",
                refusal.replaceFirst("^Not installed: n", "N").replaceFirst("\\. Install it only if.*$", ".")
                        + "\n\nNobody vouches for these files but the site " + site + ". Install " + f.name() + " anyway?")));
        return yes.get();
    }

    @Override
    protected void canceling() {
        client.cancel();
    }
}
