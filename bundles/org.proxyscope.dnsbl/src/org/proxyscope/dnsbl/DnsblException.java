package org.proxyscope.dnsbl;

/** A DNSBL check that could not be made, with what went wrong and where. */
public class DnsblException extends Exception {

    private static final long serialVersionUID = 1L;

    public DnsblException(String message) {
        super(message);
    }

    public DnsblException(String message, Throwable cause) {
        super(message, cause);
    }
}
