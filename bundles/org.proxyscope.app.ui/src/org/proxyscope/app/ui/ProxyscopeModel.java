package org.proxyscope.app.ui;

/**
 * Ids of the application model that plug-ins contribute to from their own {@code fragment.e4xmi}, and the
 * context keys the workbench fills. These ids are public API: a plug-in installed later relies on them.
 */
public final class ProxyscopeModel {

    /** Context key of the open workspace folder, a {@link java.nio.file.Path}; inject with {@code @Named}. */
    public static final String WORKSPACE = "org.proxyscope.workspace";

    /**
     * Application context key of the case selected last in the Case Explorer, a {@code CaseId}; views created
     * later (another perspective's) read it with {@code @Named} and follow its changes.
     */
    public static final String SELECTED_CASE = "org.proxyscope.case.selected";

    /**
     * Application context key of the last {@link Reveal}: what a search result or timeline entry asked to be shown.
     * A view showing that kind selects it, also one that opens later; each {@code Reveal.show} sets a new one.
     */
    public static final String REVEAL = "org.proxyscope.reveal";

    /** Tag of the stack at the bottom of every perspective, where views opened on demand (Search) go. */
    public static final String STACK_BOTTOM = "org.proxyscope.app.stack.bottom";

    public static final String MAIN_WINDOW = "org.proxyscope.app.window.main";
    public static final String PERSPECTIVE_STACK = "org.proxyscope.app.perspectivestack";

    public static final String PERSPECTIVE_TRIAGE = "org.proxyscope.app.perspective.triage";
    public static final String PERSPECTIVE_PROBING = "org.proxyscope.app.perspective.probing";
    public static final String PERSPECTIVE_CAPTURE = "org.proxyscope.app.perspective.capture";
    public static final String PERSPECTIVE_REPORTING = "org.proxyscope.app.perspective.reporting";

    /** The Case menu, which the plug-ins fill. */
    public static final String MENU_CASE = "org.proxyscope.app.menu.case";
    /** The Help menu, where the plug-in installer adds Install New Software. */
    public static final String MENU_HELP = "org.proxyscope.app.menu.help";

    /** The command that shows a perspective, and its parameter naming the perspective's id. */
    public static final String COMMAND_SWITCH_PERSPECTIVE = "org.proxyscope.app.command.switchPerspective";
    public static final String PARAMETER_PERSPECTIVE_ID = "org.proxyscope.app.commandparameter.perspectiveId";

    /**
     * Key of a part's persisted state holding the text a placeholder part shows until its plug-in's real
     * view arrives; see {@code bundleclass://org.proxyscope.app.ui/org.proxyscope.app.ui.internal.PlaceholderPart}.
     */
    public static final String PLACEHOLDER_TEXT = "org.proxyscope.placeholder.text";

    private ProxyscopeModel() {
    }
}
