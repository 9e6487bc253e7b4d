package org.proxyscope.dnsbl;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one blocklist answered about an address.
 *
 * @param list    the list asked
 * @param outcome listed, not listed, or why there is no answer
 * @param codes   the addresses the list answered (its return codes) with their meanings; empty unless it answered some
 * @param reason  the list's TXT record (its reason, often with a link), or what went wrong; empty when none
 * @param took    how long the answer took
 */
public record DnsblAnswer(DnsblList list, Outcome outcome, List<Code> codes, String reason, Duration took) {

    public DnsblAnswer {
        codes = List.copyOf(codes);
    }

    /** What a list's answer comes to. */
    public enum Outcome {
        /** The list lists the address: it answered with return codes in 127.0.0.0/8. */
        LISTED,
        /** The list does not list the address (NXDOMAIN, or no address in its answer). */
        NOT_LISTED,
        /** The list refused the asker (127.255.255.x: a public resolver, too many queries) or answered outside 127.0.0.0/8. */
        REFUSED,
        /** No answer within the timeout. */
        NO_ANSWER,
        /** The resolver failed (SERVFAIL, REFUSED, unreachable). */
        FAILED;

        /** The outcome as the command line and the JSON print it: {@code listed}, {@code not-listed}, ... */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Outcome parse(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * One return code.
     *
     * @param address the address answered, e.g. {@code 127.0.0.4}
     * @param meaning what the list says it means, or empty when the list is not one Proxyscope knows
     */
    public record Code(String address, String meaning) {

        /**
         * The code {@code address} (dotted IPv4) from {@code list}, with its meaning. 127.0.0.N is a listing,
         * 127.255.255.N the list's refusal to answer; anything else is no return code at all (lists that were
         * shut down, or whose domain lapsed, may answer every name with some address).
         */
        public static Code of(DnsblList list, String address) {
            String[] octets = address.split("\\.");
            int last = octets.length == 4 ? Integer.parseInt(octets[3]) : -1;
            if (address.startsWith("127.255.255.")) {
                return new Code(address, list.meaning(last).orElse("the list refused to answer"));
            }
            if (address.startsWith("127.")) {
                return new Code(address, list.meaning(last).orElse(""));
            }
            return new Code(address, "not a blocklist's return code (127.0.0.0/8)");
        }

        /** Whether the code lists the address, rather than refusing the asker or being no code at all. */
        public boolean listing() {
            return address.startsWith("127.") && !address.startsWith("127.255.255.");
        }

        @Override
        public String toString() {
            return meaning.isEmpty() ? address : address + " (" + meaning + ")";
        }
    }

    /** The answer in one line of words, for tables and the custody log. */
    public String detail() {
        String codeText = codes.stream().map(Code::toString).collect(Collectors.joining(", "));
        return switch (outcome) {
            case LISTED -> "listed: " + codeText + (reason.isEmpty() ? "" : "; \"" + reason + "\"");
            case NOT_LISTED -> "not listed";
            case REFUSED -> "no listing, the list refused the query: " + (codeText.isEmpty() ? reason : codeText);
            case NO_ANSWER, FAILED -> reason;
        };
    }
}
