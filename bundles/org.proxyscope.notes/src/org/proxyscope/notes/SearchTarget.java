package org.proxyscope.notes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.AddressText;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.notes.internal.CaptureLinks;

/**
 * Where a search result leads. A capture's search entry names the many sessions of one proxy, protocol and
 * outcome; opened after a search for one of their addresses, it leads to the first of them that address took
 * part in, not to the entry's first session. A listed socket's entry names its clients and mail servers; opened
 * after a search for one of them, it leads to that host's connection ("evidence/position@address").
 */
public final class SearchTarget {

    /** A word the search marked in a snippet. */
    private static final Pattern MARKED = Pattern.compile("«([^»]+)»");

    private SearchTarget() {
    }

    /** The ref ({@link SearchHit#ref()} in its kind's terms) that opening {@code hit} should show. */
    public static String ref(Workspace workspace, SearchHit hit) throws WorkspaceException {
        boolean socket = hit.kind().equals("socket");
        if (!socket && !hit.kind().equals("session")) {
            return hit.ref();
        }
        Matcher m = MARKED.matcher(hit.snippet());
        while (m.find()) {
            Optional<String> address = address(m.group(1));
            if (address.isPresent()) {
                if (socket) {
                    return hit.ref() + "@" + address.get();
                }
                Optional<String> session = CaptureLinks.sessionOf(workspace, hit.caseId(), hit.ref(), address.get());
                if (session.isPresent()) {
                    return session.get();
                }
            }
        }
        return hit.ref();
    }

    /**
     * The IP address a marked word is, or names with its port ("192.0.2.7:1080"). The search's words hold no
     * brackets, so an IPv6 address is marked on its own ("[2001:db8::7]:1080" is the words "2001:db8::7" and ":1080").
     */
    private static Optional<String> address(String word) {
        if (AddressText.literal(word).isPresent()) {
            return Optional.of(word);
        }
        return AddressText.hostPort(word).map(AddressText.HostPort::host).filter(host -> AddressText.literal(host).isPresent());
    }
}
