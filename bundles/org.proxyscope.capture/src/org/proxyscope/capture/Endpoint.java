package org.proxyscope.capture;

import java.net.InetAddress;

import org.proxyscope.core.model.AddressText;

/** One end of a flow: an address and a port. Prints as {@code 192.0.2.1:1080} or {@code [2001:db8::1]:1080}. */
public record Endpoint(InetAddress address, int port) {

    public String host() {
        return AddressText.of(address);
    }

    @Override
    public String toString() {
        return AddressText.withPort(host(), port);
    }
}
