package org.proxyscope.plugins.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.InstallerClient;
import org.proxyscope.plugins.PluginException;

/** The update site (remembered ones offered) and the features it offers, by category, with what each does. */
final class SitePage extends WizardPage {

    private final InstallWizard wizard;
    private Combo site;
    private CheckboxTableViewer features;
    private Text details;
    private String shown = "";
    private boolean remembered;
    private List<Feature> checked = List.of();

    SitePage(InstallWizard wizard) {
        super("site");
        this.wizard = wizard;
        setTitle("Available Software");
        setDescription("Name an update site (an http(s) URL, a folder or a zipped site) and choose what to install.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(5).applyTo(page);
        new Label(page, SWT.NONE).setText("&Update site:");
        site = new Combo(page, SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(site);
        site.setToolTipText("For example https://updates.example.net/proxyscope/, /srv/proxyscope-site or site.zip");
        site.addTraverseListener(e -> { // Enter reads the site named, rather than pressing the wizard's default button
            if (e.detail == SWT.TRAVERSE_RETURN) {
                e.doit = false;
                show();
            }
        });
        site.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> show()));
        Button folder = new Button(page, SWT.PUSH);
        folder.setText("&Folder...");
        folder.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
            String chosen = new DirectoryDialog(getShell()).open();
            if (chosen != null) {
                site.setText(chosen);
                show();
            }
        }));
        Button zip = new Button(page, SWT.PUSH);
        zip.setText("&Zipped Site...");
        zip.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.zip", "*"});
            String chosen = dialog.open();
            if (chosen != null) {
                site.setText(chosen);
                show();
            }
        }));
        Button showButton = new Button(page, SWT.PUSH);
        showButton.setText("&Show");
        showButton.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> show()));

        features = CheckboxTableViewer.newCheckList(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        features.getTable().setHeaderVisible(true);
        features.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().span(5, 1).grab(true, true).hint(600, 180).applyTo(features.getControl());
        Tables.addColumn(features, Feature.class, "Name", 240, Feature::name);
        Tables.addColumn(features, Feature.class, "Version", 150, Feature::version);
        Tables.addColumn(features, Feature.class, "Category", 170, Feature::category);
        Tables.addColumn(features, Feature.class, "Installed", 150, f -> f.installed().orElse(""));
        features.setContentProvider(ArrayContentProvider.getInstance());
        features.addCheckStateListener(e -> {
            Feature f = (Feature) e.getElement();
            if (e.getChecked() && f.installed().filter(f.version()::equals).isPresent()) {
                features.setChecked(f, false);
                setMessage(f.name() + " " + f.version() + " is installed already.", WARNING);
            } else {
                setMessage(null);
            }
            checked = Arrays.stream(features.getCheckedElements()).map(Feature.class::cast).toList();
            setPageComplete(!checked.isEmpty());
        });
        features.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            details.setText(first instanceof Feature f ? describe(f) : "");
        });
        details = new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().span(5, 1).grab(true, false).hint(600, 90).applyTo(details);
        setControl(page);
    }

    private static String describe(Feature f) {
        return f.name() + " " + f.version() + (f.provider().isEmpty() ? "" : ", by " + f.provider()) + " (" + f.id() + ")"
                + f.installed().map(v -> "\nInstalled: " + v + (v.equals(f.version()) ? "" : "; this version replaces it")).orElse("")
                + (f.description().isEmpty() ? "" : "\n\n" + f.description());
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible && !remembered) {
            remembered = true;
            site.setFocus();
            // the remembered sites come in the background: the field stays open to typing meanwhile (the wizard's
            // progress would disable it for the seconds the installer takes, and what was typed then was lost)
            org.eclipse.swt.widgets.Display display = getShell().getDisplay();
            Thread.ofVirtual().start(() -> {
                try {
                    InstallerClient.Installed installed = wizard.client().installed();
                    display.asyncExec(() -> {
                        if (!site.isDisposed()) {
                            installed.repositories().forEach(uri -> site.add(uri.toString()));
                        }
                    });
                } catch (PluginException e) {
                    display.asyncExec(() -> {
                        if (!site.isDisposed()) {
                            setErrorMessage(e.getMessage());
                        }
                    });
                }
            });
        }
    }

    /** Reads the site named, unless it is shown already. */
    private void show() {
        String named = site.getText().strip();
        if (named.isEmpty() || named.equals(shown)) {
            return;
        }
        List<Feature> offered = wizard.call("Reading " + named, () -> wizard.client().offered(named), this);
        if (offered != null) {
            shown = named;
            show(offered);
            if (site.indexOf(named) < 0) {
                site.add(named, 0);
            }
            features.getTable().setFocus();
        }
    }

    /** Lists {@code offered}: what is new first, by category and name; what is installed already last. */
    void show(List<Feature> offered) {
        List<Feature> sorted = new ArrayList<>(offered);
        sorted.sort(Comparator.comparing((Feature f) -> f.installed().filter(f.version()::equals).isPresent())
                .thenComparing(Feature::category).thenComparing(Feature::name));
        features.setInput(sorted);
        checked = List.of();
        if (!sorted.isEmpty()) {
            features.getTable().setSelection(0);
            details.setText(describe(sorted.get(0)));
        }
        setMessage(sorted.isEmpty() ? "The site offers no features." : null, WARNING);
        setPageComplete(false);
    }

    String site() {
        return shown;
    }

    /** The features checked; kept as they were checked, so they outlive the page's widgets. */
    List<Feature> selected() {
        return checked;
    }
}
