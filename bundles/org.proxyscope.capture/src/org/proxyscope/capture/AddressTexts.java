package org.proxyscope.capture;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

import org.proxyscope.core.model.AddressText;

/**
 * Each address's text, made once per import and shared by the threads that write its JSON, its search entries and
 * its sessions' rows: a busy proxy's address is in every one of tens of thousands of sessions, and writing it out as
 * text each time was a tenth of the JSON's time. Made once per thread instead, a dense capture's 74,000 clients were
 * each made three times over into a case, 25 MB of new memory.
 */
final class AddressTexts {

    /** An address as text, and as an endpoint's text begins: {@code 192.0.2.1:}, {@code [2001:db8::1]:}. */
    private static final class Text {

        final String host;
        /**
         * Made when first asked for: only the JSON asks. Written without a lock, as String's hash is: two threads
         * asking at once each make the same text, and a String is safely seen whole.
         */
        private String beforePort;

        Text(String host) {
            this.host = host;
        }

        String beforePort() {
            String made = beforePort;
            if (made == null) {
                String withPort = AddressText.withPort(host, 0);
                made = withPort.substring(0, withPort.length() - 1);
                beforePort = made;
            }
            return made;
        }
    }

    private final ConcurrentHashMap<InetAddress, Text> texts = new ConcurrentHashMap<>();

    String host(InetAddress address) {
        return text(address).host;
    }

    /** An endpoint's text up to its port: {@link #endpoint} without the port's digits, for JSON written in parts. */
    String beforePort(InetAddress address) {
        return text(address).beforePort();
    }

    /** As {@link Endpoint#toString()} writes it. */
    String endpoint(InetAddress address, int port) {
        return beforePort(address) + port;
    }

    private Text text(InetAddress address) {
        Text text = texts.get(address);
        if (text == null) {
            // made outside the map's lock: the threads meet the same new clients at about the same time
            text = new Text(AddressText.of(address));
            Text first = texts.putIfAbsent(address, text);
            if (first != null) {
                text = first;
            }
        }
        return text;
    }
}
