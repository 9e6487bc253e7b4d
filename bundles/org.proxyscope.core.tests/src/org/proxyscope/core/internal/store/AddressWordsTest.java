package org.proxyscope.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The search index repeats every address of a record as a word of its own. Text without IPv6 is scanned by
 * hand for speed: it must find exactly what the pattern finds, which stays the reference here.
 */
class AddressWordsTest {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9])|\\[?[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}\\]?");

    private static String reference(String title, String body) {
        StringBuilder out = new StringBuilder(body);
        Matcher m = REFERENCE.matcher(title + " " + body);
        while (m.find()) {
            String address = m.group().replace("[", "").replace("]", "");
            if (address.length() >= 7) {
                out.append(' ').append(address);
            }
        }
        return out.toString();
    }

    @Test
    void findsWhatThePatternFinds() {
        Random random = new Random(16);
        String[] pieces = {"1", "12", "123", "1234", "0", "255", ".", ".", ".", ":", " ", "a", "f", "x", "-", "[", "]", ":25", "::1",
            "192.0.2.7", "10.0.12.34:1080", "2001:db8::7", "12:30:45", "v1.2.3.4.5", "netstat-198.51.100.25.txt"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder title = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                (random.nextBoolean() ? title : body).append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(reference(title.toString(), body.toString()), CaseRepository.withAddresses(title.toString(), body.toString()),
                    "title \"" + title + "\", body \"" + body + "\"");
        }
    }

    @Test
    void aCaptureSessionsEntryGetsItsAddressesAsWords() {
        assertEquals("client 10.0.12.34 proxy 192.0.2.7 destination 198.51.100.25:25 10.0.12.34 192.0.2.7 198.51.100.25"
                + " 10.0.12.34 192.0.2.7 198.51.100.25",
                CaseRepository.withAddresses("socks5 from 10.0.12.34 via 192.0.2.7:1080 to 198.51.100.25:25",
                        "client 10.0.12.34 proxy 192.0.2.7 destination 198.51.100.25:25"));
    }
}
