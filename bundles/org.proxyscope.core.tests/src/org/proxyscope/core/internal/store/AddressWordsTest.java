package org.proxyscope.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The search index repeats each address of a record that is glued to other text as a word of its own. Text
 * without IPv6 is scanned by hand for speed: it must find exactly what the pattern finds, which stays the
 * reference here.
 */
class AddressWordsTest {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9])|\\[?[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}\\]?");

    private static List<String> reference(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String address = m.group().replace("[", "").replace("]", "");
            if (address.length() >= 7) {
                found.add(address);
            }
        }
        return found;
    }

    @Test
    void findsWhatThePatternFinds() {
        Random random = new Random(16);
        String[] pieces = {"1", "12", "123", "1234", "0", "255", ".", ".", ".", ":", " ", "a", "f", "x", "-", "[", "]", ":25", "::1",
            "192.0.2.7", "10.0.12.34:1080", "2001:db8::7", "12:30:45", "v1.2.3.4.5", "netstat-198.51.100.25.txt"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(reference(text.toString()), CaseRepository.addresses(text.toString()), "text \"" + text + "\"");
        }
    }

    /** The body with each address (in order, once) that stands nowhere in title and body as a word of its own. */
    private static String referenceWithAddresses(String title, String body) {
        String text = title + " " + body;
        StringBuilder out = new StringBuilder(body);
        List<String> seen = new ArrayList<>();
        for (String address : reference(text)) {
            if (seen.contains(address)) {
                continue;
            }
            seen.add(address);
            boolean alone = false;
            for (int at = text.indexOf(address); at >= 0 && !alone; at = text.indexOf(address, at + 1)) {
                int end = at + address.length();
                alone = (at == 0 || !wordChar(text.charAt(at - 1))) && (end == text.length() || !wordChar(text.charAt(end)));
            }
            if (!alone) {
                out.append(' ').append(address);
            }
        }
        return out.toString();
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || ".-:@_".indexOf(c) >= 0;
    }

    @Test
    void repeatsWhatTheReferenceRepeats() {
        Random random = new Random(17);
        String[] pieces = {"1", "12", "0", "255", ".", " ", "x", "-", ":", "_", "(", "é", "192.0.2.7", "192.0.2.7", "10.0.12.34:1080",
            "2001:db8::7", "v1.2.3.4.5", "netstat-198.51.100.25.txt", "198.51.100.25"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder title = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (int k = random.nextInt(5); k > 0; k--) {
                title.append(pieces[random.nextInt(pieces.length)]);
            }
            for (int k = random.nextInt(10); k > 0; k--) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(referenceWithAddresses(title.toString(), body.toString()),
                    CaseRepository.withAddresses(title.toString(), body.toString()), "title \"" + title + "\", body \"" + body + "\"");
        }
    }

    @Test
    void aCaptureSessionsEntryGetsItsGluedAddressesAsWordsOnce() {
        assertEquals("client 10.0.12.34 proxy 192.0.2.7 destination 198.51.100.25:25 198.51.100.25",
                CaseRepository.withAddresses("socks5 from 10.0.12.34 via 192.0.2.7:1080 to 198.51.100.25:25",
                        "client 10.0.12.34 proxy 192.0.2.7 destination 198.51.100.25:25"));
    }

    @Test
    void anAddressGluedEverywhereIsRepeatedAndOneThatStandsAloneIsNot() {
        assertEquals("seen in netstat-198.51.100.25.txt and 10.0.0.1-10.0.0.9 198.51.100.25 10.0.0.1 10.0.0.9",
                CaseRepository.withAddresses("", "seen in netstat-198.51.100.25.txt and 10.0.0.1-10.0.0.9"));
        assertEquals("[2001:db8::7]:1080 (192.0.2.7)",
                CaseRepository.withAddresses("2001:db8::7 answered", "[2001:db8::7]:1080 (192.0.2.7)"));
        assertEquals("proxy 192.0.2.70 192.0.2.7", CaseRepository.withAddresses("via 192.0.2.7:1080", "proxy 192.0.2.70"));
    }
}
