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

    private final Map<InetAddress, String> texts = new HashMap<>();

    String host(InetAddress address) {
        return texts.computeIfAbsent(address, AddressText::of);
    }

    /** As {@link Endpoint#toString()} writes it. */
    String endpoint(InetAddress address, int port) {
        return AddressText.withPort(host(address), port);
    }
}
