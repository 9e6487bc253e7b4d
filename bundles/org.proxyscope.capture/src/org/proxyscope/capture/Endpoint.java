package org.proxyscope.capture;

import java.net.InetAddress;

import org.proxyscope.core.model.AddressText;

/** One end of a flow: an address and a port. Prints as {@code 192.0.2.1:1080} or {@code [2001:db8::1]:1080}. */
public record Endpoint(InetAddress address, int port) implements Comparable<Endpoint> {

    public String host() {
        return AddressText.of(address);
    }

    // written out: a record's own equals and hashCode link through method handles at their first call,
    // which spun classes in every import (endpoints are map keys per flow)
    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && e.port == port && e.address.equals(address);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + port;
    }

    /** By address, by number as {@link AddressText#compare} orders them, then by port. */
    @Override
    public int compareTo(Endpoint other) {
        int byAddress = AddressText.compare(address, other.address);
        return byAddress != 0 ? byAddress : Integer.compare(port, other.port);
    }

    @Override
    public String toString() {
        return AddressText.withPort(host(), port);
    }
}
