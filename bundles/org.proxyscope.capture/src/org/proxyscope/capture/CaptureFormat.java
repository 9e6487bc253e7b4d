package org.proxyscope.capture;

/** The kinds of file the importer reads, recognised by content. */
public enum CaptureFormat {
    PCAP, PCAPNG, NETSTAT;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
