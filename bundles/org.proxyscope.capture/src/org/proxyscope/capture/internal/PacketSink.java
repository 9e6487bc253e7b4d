package org.proxyscope.capture.internal;

/** Receives each packet a capture reader finds, in file order. */
public interface PacketSink {

    /**
     * @param timestampNanos capture time, nanoseconds since the epoch
     * @param linkType       LINKTYPE_* value of the packet's interface
     * @param data           holds the captured bytes at {@code [offset, offset + length)}; valid only during the call
     * @param originalLength the packet's length on the wire
     */
    void packet(long timestampNanos, int linkType, byte[] data, int offset, int length, int originalLength);

    /** A name-resolution record of a pcapng file: {@code address} (4 or 16 bytes) is known as {@code name}. */
    default void name(byte[] address, String name) {
    }
}
