package org.proxyscope.app.ui;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.proxyscope.core.model.CaseId;

/**
 * Something a case holds, to be shown where it is kept and selected there: a search result or a timeline entry
 * leads to it. The views that show a kind read {@link ProxyscopeModel#REVEAL} and select what it names when it
 * is theirs; one created only by the perspective switch reads it when it opens.
 *
 * @param kind what it is, in the search index's words: {@code note}, {@code finding}, {@code session}, {@code socket},
 *             {@code evidence}, {@code custody}, {@code case}, or a kind of a plug-in's own
 * @param ref  which one within the case: a note or evidence number, "run/position", "evidence/flow",
 *             "evidence/position", or a listed socket's "evidence/position@address" at one of its clients or mail
 *             servers
 */
public record Reveal(CaseId caseId, String kind, String ref) {

    /** The perspective that shows this kind: notes in Reporting, findings in Probing, sessions and listed sockets in Capture. */
    public String perspective() {
        return switch (kind) {
            case "note" -> ProxyscopeModel.PERSPECTIVE_REPORTING;
            case "finding" -> ProxyscopeModel.PERSPECTIVE_PROBING;
            case "session", "socket" -> ProxyscopeModel.PERSPECTIVE_CAPTURE;
            default -> ProxyscopeModel.PERSPECTIVE_TRIAGE;
        };
    }

    /** The number before the slash of "run/position" or "evidence/flow", or the whole ref; -1 when it is none. */
    public int first() {
        return number(ref.contains("/") ? ref.substring(0, ref.indexOf('/')) : ref);
    }

    /** The number after the slash of "run/position" or "evidence/flow"; -1 when there is none. */
    public int second() {
        int at = ref.indexOf('@');
        return ref.contains("/") ? number(ref.substring(ref.indexOf('/') + 1, at < 0 ? ref.length() : at)) : -1;
    }

    /** The address after the "@" of "evidence/position@address": the host of a listed socket's to show. */
    public java.util.Optional<String> address() {
        int at = ref.indexOf('@');
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(ref.substring(at + 1));
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Selects the case as the Case Explorer does, shows the perspective of this kind and asks its views to select
     * it. Without a window's model and part services (a view tested on its own) the perspective stays.
     */
    public void show(MApplication application, EModelService models, EPartService parts, IEventBroker broker) {
        application.getContext().set(ProxyscopeModel.SELECTED_CASE, caseId);
        if (broker != null) {
            broker.send(CaseEvents.SELECTED, caseId);
        }
        if (models != null && parts != null) {
            models.findElements(application, perspective(), MPerspective.class).stream().findFirst().ifPresent(parts::switchPerspective);
        }
        application.getContext().set(ProxyscopeModel.REVEAL, this);
    }
}
