package org.proxyscope.capture;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import org.proxyscope.core.model.AddressText;

/**
 * Each address's text, made once: a busy proxy's address is in every one of tens of thousands of sessions, and
 * writing it out as text each time was a tenth of the JSON's time. One per thread.
 */
final class AddressTexts {

    /** An address as text, and as an endpoint's text begins: {@code 192.0.2.1:}, {@code [2001:db8::1]:}. */
    private record Text(String host, String beforePort) {

        static Text of(InetAddress address) {
            String host = AddressText.of(address);
            String withPort = AddressText.withPort(host, 0);
            return new Text(host, withPort.substring(0, withPort.length() - 1));
        }
    }

    private final Map<InetAddress, Text> texts = new HashMap<>();

    String host(InetAddress address) {
        return text(address).host();
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
            text = Text.of(address);
            texts.put(address, text);
        }
        return text;
    }
}
