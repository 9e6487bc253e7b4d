package org.proxyscope.probe.ui.internal;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.proxyscope.probe.CanarySettings;

/**
 * The canary settings of Window &gt; Preferences &gt; Probing, kept in this plug-in's workspace preferences
 * (the node Window &gt; Preferences edits for a page this plug-in contributes).
 */
final class CanaryPreferences {

    static final String NODE = "org.proxyscope.probe.ui";
    static final String LISTEN = "canary.listen";
    static final String SMTP_LISTEN = "canary.smtpListen";
    static final String DOMAIN = "canary.domain";
    static final String URL = "canary.url";
    static final String TEXT = "canary.text";

    private CanaryPreferences() {
    }

    static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    static CanarySettings read() {
        IEclipsePreferences p = node();
        return new CanarySettings(p.get(LISTEN, ""), p.get(SMTP_LISTEN, ""), p.get(DOMAIN, ""), p.get(URL, ""), p.get(TEXT, ""));
    }

    /** One line for the launcher: where the canary will be and what it can prove. */
    static String describe(CanarySettings s) {
        if (!s.url().isEmpty()) {
            return "External: " + s.url() + " (a relay is proven when its text comes back); SMTP relay and FTP bounce cannot be proven";
        }
        String http = s.listen().isEmpty() ? "this machine's address towards the target, any free port" : s.listen();
        String mail = s.domain().isEmpty() ? "no mail domain, so SMTP relay can only be unverified"
                : "mail for " + s.domain() + " on " + (s.smtpListen().isEmpty() ? "port " + CanarySettings.SMTP_PORT : s.smtpListen());
        return "Proxyscope's own, on " + http + "; " + mail;
    }
}
