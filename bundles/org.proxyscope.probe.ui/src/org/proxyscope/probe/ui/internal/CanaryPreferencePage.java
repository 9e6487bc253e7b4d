package org.proxyscope.probe.ui.internal;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;

/**
 * Window &gt; Preferences &gt; Probing: where the canary listens, the mail domain that leads to it, or the
 * external URL used when the target cannot reach this machine. The same rules as the command line's
 * options check the values before they are kept.
 */
public final class CanaryPreferencePage extends FieldEditorPreferencePage {

    private StringFieldEditor listen;
    private StringFieldEditor smtpListen;
    private StringFieldEditor domain;
    private StringFieldEditor url;
    private StringFieldEditor text;

    public CanaryPreferencePage() {
        super(GRID);
        setDescription("The canary is where probes ask the target to relay to; only its receipt of a probe's token makes a"
                + " verdict open. Leave a field empty for the automatic choice.");
    }

    @Override
    protected void createFieldEditors() {
        listen = field(CanaryPreferences.LISTEN, "Canary &address (ADDR:PORT):");
        domain = field(CanaryPreferences.DOMAIN, "Canary &mail domain:");
        smtpListen = field(CanaryPreferences.SMTP_LISTEN, "&SMTP canary address (ADDR:PORT):");
        url = field(CanaryPreferences.URL, "External canary &URL (http://...):");
        text = field(CanaryPreferences.TEXT, "&Text the external URL returns:");
    }

    private StringFieldEditor field(String key, String label) {
        StringFieldEditor editor = new StringFieldEditor(key, label, getFieldEditorParent());
        addField(editor);
        // checked on every change, pasted text too, so OK is never offered for settings a run would refuse
        editor.getTextControl(getFieldEditorParent()).addModifyListener(e -> check());
        return editor;
    }

    @Override
    protected void checkState() {
        super.checkState();
        if (isValid()) {
            check();
        }
    }

    private void check() {
        if (listen == null || text == null) {
            return;
        }
        try {
            new org.proxyscope.probe.CanarySettings(listen.getStringValue(), smtpListen.getStringValue(),
                    domain.getStringValue(), url.getStringValue(), text.getStringValue()).check();
            setErrorMessage(null);
            setValid(true);
        } catch (IllegalArgumentException e) {
            setErrorMessage(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1));
            setValid(false);
        }
    }
}
