package org.proxyscope.notes;

import java.util.ArrayList;
import java.util.List;
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
        return refs(workspace, List.of(hit)).get(0);
    }

    /**
     * {@link #ref} of each of {@code hits}, in their order. The command line lists a ref for every result; a capture's
     * results are placed together, which reads each capture's sessions once instead of once a result.
     */
    public static List<String> refs(Workspace workspace, List<SearchHit> hits) throws WorkspaceException {
        String[] refs = new String[hits.size()];
        List<CaptureLinks.Placing> placings = new ArrayList<>();
        List<Integer> placingHit = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            refs[i] = hit.ref();
            boolean socket = hit.kind().equals("socket");
            if (!socket && !hit.kind().equals("session")) {
                continue;
            }
            for (String address : markedAddresses(hit)) {
                if (socket) {
                    refs[i] = hit.ref() + "@" + address;
                    break;
                }
                // each address marked is a candidate, in the snippet's order: the first with a session wins
                placings.add(new CaptureLinks.Placing(hit.caseId(), hit.ref(), address));
                placingHit.add(i);
            }
        }
        if (!placings.isEmpty()) {
            List<Optional<String>> sessions = CaptureLinks.sessionsOf(workspace, placings);
            boolean[] placed = new boolean[hits.size()];
            for (int k = 0; k < placings.size(); k++) {
                int i = placingHit.get(k);
                if (!placed[i] && sessions.get(k).isPresent()) {
                    refs[i] = sessions.get(k).get();
                    placed[i] = true;
                }
            }
        }
        return List.of(refs);
    }

    /** The IP addresses the search marked in the hit's snippet, in their order. */
    private static List<String> markedAddresses(SearchHit hit) {
        List<String> addresses = new ArrayList<>();
        Matcher m = MARKED.matcher(hit.snippet());
        while (m.find()) {
            address(m.group(1)).ifPresent(addresses::add);
        }
        return addresses;
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
