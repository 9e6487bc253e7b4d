package org.proxyscope.plugins.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.eclipse.jface.wizard.Wizard;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.InstallerClient;
import org.proxyscope.plugins.PluginException;

/** Install New Software: the update site and its features, then what will be installed and the licences. */
final class InstallWizard extends Wizard {

    private final InstallerClient client;
    private final SitePage site;
    private final ReviewPage review;

    InstallWizard(InstallerClient client) {
        this.client = client;
        this.site = new SitePage(this);
        this.review = new ReviewPage(this);
        setWindowTitle("Install New Software");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(site);
        addPage(review);
    }

    InstallerClient client() {
        return client;
    }

    String site() {
        return site.site();
    }

    List<Feature> selected() {
        return site.selected();
    }

    @Override
    public boolean canFinish() {
        return review.isPageComplete() && getContainer().getCurrentPage() == review;
    }

    @Override
    public boolean performFinish() {
        return true; // the install itself runs as a Job, with the status bar's progress and Cancel
    }

    /**
     * Runs {@code call} in the installer with the wizard's progress bar; its Cancel ends the installer process.
     *
     * @return the result, or null after showing what went wrong on {@code page}
     */
    <T> T call(String task, Installer.Call<T> call, org.eclipse.jface.wizard.WizardPage page) {
        Object[] result = new Object[1];
        try {
            getContainer().run(true, true, monitor -> {
                monitor.beginTask(task, org.eclipse.core.runtime.IProgressMonitor.UNKNOWN);
                Thread watcher = Thread.ofVirtual().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        if (monitor.isCanceled()) {
                            client.cancel();
                            return;
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                try {
                    result[0] = call.run();
                } catch (PluginException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    watcher.interrupt();
                    monitor.done();
                }
            });
            page.setErrorMessage(null);
        } catch (InvocationTargetException e) {
            page.setErrorMessage(e.getCause().getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
