package org.proxyscope.app.ui.internal.preferences;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.InjectionException;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Builds the tree of Window &gt; Preferences from the {@code org.proxyscope.app.preferencePages} extension
 * point. Pages are created only when the analyst opens them, so a plug-in's classes load on demand; a page
 * may {@code @Inject} what the workbench's context holds (the open {@code Workspace}, for settings kept in it).
 */
public final class PreferencePages {

    public static final String EXTENSION_POINT = "org.proxyscope.app.preferencePages";

    private PreferencePages() {
    }

    /** @param context what pages may inject; null for none */
    public static PreferenceManager fromRegistry(IExtensionRegistry registry, IEclipseContext context) {
        PreferenceManager manager = new PreferenceManager();
        IConfigurationElement[] elements = registry.getConfigurationElementsFor(EXTENSION_POINT);
        Arrays.sort(elements, Comparator.comparing((IConfigurationElement e) -> e.getAttribute("name")));
        Map<String, IPreferenceNode> byId = new HashMap<>();
        for (IConfigurationElement element : elements) {
            byId.put(element.getAttribute("id"), new ContributedPage(element, context));
        }
        for (IConfigurationElement element : elements) {
            IPreferenceNode node = byId.get(element.getAttribute("id"));
            IPreferenceNode parent = byId.get(element.getAttribute("category"));
            if (parent != null) {
                parent.add(node);
            } else {
                manager.addToRoot(node);
            }
        }
        return manager;
    }

    /** A page declared in a plugin.xml, instantiated on first display. */
    private static final class ContributedPage extends PreferenceNode {
        private final IConfigurationElement element;
        private final IEclipseContext context;

        ContributedPage(IConfigurationElement element, IEclipseContext context) {
            super(element.getAttribute("id"));
            this.element = element;
            this.context = context;
        }

        @Override
        public String getLabelText() {
            return element.getAttribute("name");
        }

        @Override
        public void createPage() {
            IPreferencePage page;
            try {
                page = (IPreferencePage) element.createExecutableExtension("class");
                if (context != null) {
                    ContextInjectionFactory.inject(page, context);
                }
            } catch (CoreException | ClassCastException | InjectionException e) {
                page = new BrokenPage(element, e);
            }
            if (page instanceof PreferencePage own && own.getPreferenceStore() == null) {
                own.setPreferenceStore(new NodePreferenceStore(
                        InstanceScope.INSTANCE.getNode(element.getContributor().getName())));
            }
            page.setTitle(getLabelText());
            setPage(page);
        }
    }

    /** Says which plug-in's page could not be created instead of leaving a blank page. */
    private static final class BrokenPage extends PreferencePage {
        private final String reason;

        BrokenPage(IConfigurationElement element, Exception cause) {
            reason = "This page of the plug-in " + element.getContributor().getName()
                    + " could not be opened: " + cause.getMessage();
            noDefaultAndApplyButton();
        }

        @Override
        protected org.eclipse.swt.widgets.Control createContents(Composite parent) {
            Label label = new Label(parent, org.eclipse.swt.SWT.WRAP);
            label.setText(reason);
            return label;
        }
    }
}
