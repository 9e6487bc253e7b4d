package org.proxyscope.capture;

import java.nio.charset.StandardCharsets;

/** The server name a TLS ClientHello asks for (its SNI extension), read defensively. */
final class TlsHello {

    private TlsHello() {
    }

    /** The SNI host name, "" for a ClientHello without one, or null when the bytes are no ClientHello. */
    static String serverName(Bytes b) {
        if (b.length() < 43 || b.at(0) != 0x16 || b.at(1) != 3 || b.at(5) != 1) {
            return null;
        }
        int end = Math.min(b.length(), 5 + u16(b, 3));
        int o = 5 + 4 + 2 + 32;
        if (o >= end) {
            return null;
        }
        o += 1 + (b.at(o) & 0xff);
        if (o + 2 > end) {
            return "";
        }
        o += 2 + u16(b, o);
        if (o + 1 > end) {
            return "";
        }
        o += 1 + (b.at(o) & 0xff);
        if (o + 2 > end) {
            return "";
        }
        int extensionsEnd = Math.min(end, o + 2 + u16(b, o));
        o += 2;
        while (o + 4 <= extensionsEnd) {
            int type = u16(b, o);
            int length = u16(b, o + 2);
            if (type == 0 && o + 9 <= extensionsEnd && b.at(o + 6) == 0) {
                int nameLength = u16(b, o + 7);
                if (o + 9 + nameLength <= extensionsEnd) {
                    return new String(b.array(), b.offset() + o + 9, nameLength, StandardCharsets.US_ASCII);
                }
            }
            o += 4 + length;
        }
        return "";
    }

    private static int u16(Bytes b, int o) {
        return (b.at(o) & 0xff) << 8 | b.at(o + 1) & 0xff;
    }
}
