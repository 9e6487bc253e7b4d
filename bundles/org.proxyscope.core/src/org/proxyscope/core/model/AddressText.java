package org.proxyscope.core.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address as an analyst reads and searches it: IPv4 dotted, IPv6 in the RFC 5952 form that tcpdump,
 * Wireshark and abuse reports use ({@code 2001:db8::1}, {@code ::1}). Java writes IPv6 uncompressed
 * ({@code 0:0:0:0:0:0:0:1}), which matches none of them.
 */
public final class AddressText {

    /** IPv6 hex digits around at least one colon: Java takes any text with a colon for an IPv6 literal. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private AddressText() {
    }

    /**
     * Orders addresses as an analyst reads them and Wireshark's endpoint lists sort them: by number, IPv4 before
     * IPv6 (10.0.0.2 before 10.0.0.10, which text order puts the other way round).
     */
    public static int compare(InetAddress a, InetAddress b) {
        return compare(a.getAddress(), b.getAddress());
    }

    /**
     * Orders addresses given by their bytes as {@link #compare(InetAddress, InetAddress)} does: for a sort of many,
     * whose every comparison would copy both addresses' bytes.
     */
    public static int compare(byte[] x, byte[] y) {
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    }

    public static String of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        String java = address.getHostAddress();
        int scope = java.indexOf('%');
        return scope < 0 ? compress(groups) : compress(groups) + java.substring(scope);
    }

    /** A connection's end as {@link #withPort} writes it, not as Java does ({@code /192.0.2.1:25}). */
    public static String of(InetSocketAddress address) {
        return withPort(of(address.getAddress()), address.getPort());
    }

    /** {@code 192.0.2.1:25}, {@code [2001:db8::1]:25}: a host with a port, an IPv6 literal in brackets. */
    public static String withPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** A host and a port, as text names them together. */
    public record HostPort(String host, int port) {
    }

    /**
     * The host and port of {@code 192.0.2.1:25}, {@code [2001:db8::1]:25} or, as netstat writes it,
     * {@code 2001:db8::1:25}: the port is the digits after the last colon (at most 65535), the host what stands
     * before it, out of its brackets. Empty when the text ends in no port or names no host. Reads in place, without
     * a regular expression: an import asks it for each of tens of thousands of sessions.
     */
    public static Optional<HostPort> hostPort(String text) {
        int port = port(text);
        return port < 0 ? Optional.empty() : Optional.of(new HostPort(text.substring(hostStart(text), hostEnd(text, text.lastIndexOf(':'))), port));
    }

    /** The port {@link #hostPort} finds in {@code text}, or -1 where it finds none: without making the host's text. */
    public static int port(String text) {
        int colon = text.lastIndexOf(':');
        int digits = text.length() - colon - 1;
        if (colon < 1 || digits < 1 || digits > 5) {
            return -1;
        }
        int port = 0;
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + c - '0';
        }
        return port > 65535 || hostEnd(text, colon) <= hostStart(text) ? -1 : port;
    }

    private static int hostStart(String text) {
        return text.charAt(0) == '[' ? 1 : 0;
    }

    private static int hostEnd(String text, int colon) {
        return text.charAt(colon - 1) == ']' ? colon - 1 : colon;
    }

    /**
     * The address an IP literal names, or empty when {@code text} is no literal (a host name, say). Never
     * asks DNS: only text that can be nothing but an address is handed to {@link InetAddress#getByName}.
     */
    public static Optional<InetAddress> literal(String text) {
        // a dotted quad or colons only: other digits and dots ("1.2.3.4.5") Java would look up as a name
        if (!Host.IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty(); // colons that make no address
        }
    }

    /** RFC 5952: eight groups in lower-case hex, the longest run of two or more zero groups (the first on a tie) as "::". */
    static String compress(int[] groups) {
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
