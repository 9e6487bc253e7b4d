package org.proxyscope.plugins.ui.internal;

import java.util.ArrayList;
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

    /**
     * Installs the features one after the other. The question about content nobody signed is asked once, for all
     * features still to come: Install Updates brings several from one site. Whatever was installed before a
     * refusal or a failure stays, and the restart that shows it is offered with what did not come.
     */
    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), 100 * features.size());
        int[] done = {0};
        List<Feature> installed = new ArrayList<>();
        boolean trustUnsigned = false;
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
                    client.install(site, f.id(), trustUnsigned, progress);
                } catch (UnsignedContentException e) {
                    List<Feature> rest = features.subList(installed.size(), features.size());
                    if (!trusted(rest, e.getMessage())) {
                        String left = names(rest) + " not installed: nobody signed " + (rest.size() == 1 ? "it" : "them")
                                + ", and you chose not to trust " + (rest.size() == 1 ? "it." : "them.");
                        restartFor(installed, left);
                        return Status.info(left);
                    }
                    trustUnsigned = true;
                    client.install(site, f.id(), true, progress);
                }
                installed.add(f);
                monitor.worked(base + 100 - done[0]);
                done[0] = base + 100;
            }
        } catch (PluginException e) {
            String failed = features.get(installed.size()).name();
            if (client.cancelled() || monitor.isCanceled()) {
                restartFor(installed, "You cancelled " + failed + " and what came after it.");
                return Status.CANCEL_STATUS;
            }
            if (installed.isEmpty()) {
                Installer.failed(ui, shell, "Install New Software", e);
            } else { // one dialog: the restart's question says what failed too
                restartFor(installed, failed + " was not installed: " + e.getMessage());
            }
            return Status.error(e.getMessage());
        } finally {
            monitor.done();
        }
        restartFor(installed, "");
        return Status.OK_STATUS;
    }

    /** Offers the restart that shows what was installed, if anything was; {@code rest} says what was not. */
    private void restartFor(List<Feature> installed, String rest) {
        if (!installed.isEmpty()) {
            ui.asyncExec(() -> Installer.offerRestart(shell, workbench, "Installed " + String.join(", ",
                    installed.stream().map(f -> f.name() + " " + f.version()).toList()) + "." + (rest.isEmpty() ? "" : " " + rest)));
        }
    }

    private static String names(List<Feature> features) {
        return String.join(", ", features.stream().map(Feature::name).toList());
    }

    /** Asks the analyst, in the UI thread, whether to install content that nobody signed: once for {@code rest}. */
    private boolean trusted(List<Feature> rest, String refusal) {
        AtomicBoolean yes = new AtomicBoolean();
        ui.syncExec(() -> yes.set(MessageDialog.openQuestion(shell, "Unsigned Content",
                refusal.replaceFirst("^Not installed: n", "N").replaceFirst("\\. Install it only if.*$", ".")
                        + "\n\nNobody vouches for these files but the site " + site + ". Install " + names(rest) + " anyway?"
                        + (rest.size() > 1 ? " The answer holds for all " + rest.size() + " of them." : ""))));
        return yes.get();
    }

    @Override
    protected void canceling() {
        client.cancel();
    }
}
