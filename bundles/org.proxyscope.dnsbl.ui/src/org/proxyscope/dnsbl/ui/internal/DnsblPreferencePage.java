package org.proxyscope.dnsbl.ui.internal;

import java.time.Duration;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.Workspace;
import org.proxyscope.dnsbl.DnsblException;
import org.proxyscope.dnsbl.DnsblList;
import org.proxyscope.dnsbl.DnsblSettings;

/**
 * Window &gt; Preferences &gt; DNS Blocklists: which lists the workspace asks, through which resolver, and how long
 * each may take. Kept in the open workspace, so every analyst of the desk asks the same lists.
 */
public final class DnsblPreferencePage extends PreferencePage {

    @Inject
    @Optional
    Workspace workspace;

    private Text lists;
    private Text resolver;
    private Spinner timeout;

    public DnsblPreferencePage() {
        setDescription("The DNS blocklists asked about a case's target, and how. Kept in the open workspace.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(body);
        if (workspace == null) {
            new Label(body, SWT.WRAP).setText("Open a workspace to edit its DNS blocklists.");
            noDefaultAndApplyButton();
            return body;
        }
        DnsblSettings settings;
        try {
            settings = DnsblSettings.read(workspace.folder());
        } catch (DnsblException e) {
            setErrorMessage(e.getMessage());
            settings = DnsblSettings.DEFAULT;
        }
        Label listsLabel = new Label(body, SWT.NONE);
        listsLabel.setText("&Lists (one zone a line):");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(listsLabel);
        lists = new Text(body, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(360, 160).applyTo(lists);
        new Label(body, SWT.NONE).setText("&Resolver:");
        resolver = new Text(body, SWT.BORDER);
        resolver.setMessage("the system's (/etc/resolv.conf)");
        resolver.setToolTipText("An address and port, such as 192.0.2.53 or [2001:db8::53]:53. Spamhaus answers no query that"
                + " comes through a public resolver.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(resolver);
        new Label(body, SWT.NONE).setText("&Timeout (ms):");
        timeout = new Spinner(body, SWT.BORDER);
        timeout.setValues(2000, 100, 60_000, 0, 100, 1000);
        Label known = new Label(body, SWT.WRAP);
        known.setText("Lists whose answers Proxyscope explains: " + DnsblList.known().stream().map(DnsblList::zone)
                .collect(Collectors.joining(", ")) + ". Others are asked too; their answers are shown as they come.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(360, SWT.DEFAULT).applyTo(known);
        show(settings);
        lists.addListener(SWT.Modify, e -> validate());
        resolver.addListener(SWT.Modify, e -> validate());
        return body;
    }

    private void show(DnsblSettings settings) {
        lists.setText(settings.lists().stream().map(DnsblList::zone).collect(Collectors.joining("\n")));
        resolver.setText(settings.resolver().map(DnsblSettings::format).orElse(""));
        timeout.setSelection((int) settings.timeout().toMillis());
    }

    /** The settings the fields say, or null after saying what is wrong with them. */
    private DnsblSettings entered() {
        try {
            String r = resolver.getText().strip();
            DnsblSettings settings = new DnsblSettings(DnsblSettings.lists(lists.getText()),
                    r.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(DnsblSettings.resolver(r)),
                    Duration.ofMillis(timeout.getSelection()));
            setErrorMessage(null);
            return settings;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return null;
        }
    }

    private void validate() {
        setValid(entered() != null);
    }

    @Override
    protected void performDefaults() {
        show(DnsblSettings.DEFAULT);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (workspace == null) {
            return true;
        }
        DnsblSettings settings = entered();
        if (settings == null) {
            return false;
        }
        try {
            settings.write(workspace.folder());
            return true;
        } catch (DnsblException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
