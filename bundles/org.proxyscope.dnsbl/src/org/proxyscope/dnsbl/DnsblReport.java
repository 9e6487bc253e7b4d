package org.proxyscope.dnsbl;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every list's answer about one address, asked at one time through one resolver.
 *
 * @param address  the address checked
 * @param checked  when (UTC)
 * @param resolver the resolver asked, as {@code ADDRESS:PORT}
 */
public record DnsblReport(String address, Instant checked, String resolver, List<DnsblAnswer> answers) {

    public DnsblReport {
        answers = List.copyOf(answers);
    }

    public List<DnsblAnswer> listed() {
        return answers.stream().filter(a -> a.outcome() == DnsblAnswer.Outcome.LISTED).toList();
    }

    /** The lists that gave no usable answer (refused, silent or failed). */
    public List<DnsblAnswer> unanswered() {
        return answers.stream().filter(a -> a.outcome() != DnsblAnswer.Outcome.LISTED
                && a.outcome() != DnsblAnswer.Outcome.NOT_LISTED).toList();
    }

    /** "192.0.2.7 is listed on 2 of 5 DNS blocklists (DroneBL, bl.test); 1 gave no usable answer" */
    public String summary() {
        List<DnsblAnswer> listed = listed();
        String text = address + (listed.isEmpty() ? " is listed on none of " + answers.size() + " DNS blocklists"
                : " is listed on " + listed.size() + " of " + answers.size() + " DNS blocklists ("
                        + listed.stream().map(a -> a.list().name()).collect(Collectors.joining(", ")) + ")");
        int silent = unanswered().size();
        return silent == 0 ? text : text + "; " + silent + " gave no usable answer";
    }
}
