package org.proxyscope.notes.ui.internal;

import java.util.function.Supplier;

import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.IContentProposalProvider;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.NoteLinks;

/**
 * Ctrl+Space in the note editor: the links the case can hold, narrowed by a link begun before the cursor
 * ("[[ses" offers the sessions); choosing one completes it.
 */
final class LinkProposals implements IContentProposalProvider {

    /** More than an analyst reads in a popup; narrowing by what is typed finds the rest. */
    static final int MOST = 200;

    private final Workspace workspace;
    private final Supplier<CaseId> caseId;

    LinkProposals(Workspace workspace, Supplier<CaseId> caseId) {
        this.workspace = workspace;
        this.caseId = caseId;
    }

    @Override
    public IContentProposal[] getProposals(String contents, int position) {
        CaseId id = caseId.get();
        if (id == null) {
            return new IContentProposal[0];
        }
        String typed = begunLink(contents, position);
        try {
            return NoteLinks.completions(workspace, id, typed == null ? "" : typed, MOST).stream()
                    .map(l -> new ContentProposal(l.text().substring(typed == null ? 0 : 2 + typed.length()), l.text() + "   "
                            + l.target(), null))
                    .toArray(IContentProposal[]::new);
        } catch (WorkspaceException e) {
            return new IContentProposal[] {new ContentProposal("", "The case's records cannot be read: " + e.getMessage(), null)};
        }
    }

    /** What follows an unclosed "[[" on the cursor's line, or null when the cursor is not inside one. */
    static String begunLink(String contents, int position) {
        int lineStart = contents.lastIndexOf('\n', position - 1) + 1;
        String line = contents.substring(lineStart, position);
        int open = line.lastIndexOf("[[");
        if (open < 0 || line.indexOf("]]", open) >= 0) {
            return null;
        }
        String typed = line.substring(open + 2);
        return typed.matches("[a-z]*(:[0-9/]*)?") ? typed : null;
    }
}
