package org.proxyscope.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host as an analyst names it: an IPv4 address, an IPv6 address (bracketed or not) or a DNS name.
 * Validated by form only; nothing is resolved, so creating a case never sends a packet.
 */
public record Host(String name) {

    /** A dotted-quad IPv4 address, no leading zeros (which some readers take for octal). */
    static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Host {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("No host given");
        }
    }

    /** Validates and normalises: lower-case names, IPv6 without brackets and in its compressed form. */
    public static Host parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("No host given");
        }
        if (IPV4.matcher(s).matches()) {
            return new Host(s);
        }
        if (s.contains(":")) {
            return new Host(Ipv6.normalise(s));
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.length() > 253 || lower.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid IPv4 address or host name");
        }
        for (String label : lower.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("\"" + text + "\" is not a valid host name (bad label \"" + label + "\")");
            }
        }
        return new Host(lower);
    }

    public boolean isIpv6() {
        return name.contains(":");
    }

    /** Whether this is an address (IPv4 or IPv6) rather than a DNS name. */
    public boolean isAddress() {
        return isIpv6() || IPV4.matcher(name).matches();
    }

    /** The form to put before {@code :port}: IPv6 in brackets. */
    public String withPortSyntax() {
        return isIpv6() ? "[" + name + "]" : name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** IPv6 text handling without touching the network (InetAddress would resolve names). */
    static final class Ipv6 {
        private Ipv6() {
        }

        static String normalise(String text) {
            String s = text.toLowerCase(Locale.ROOT);
            if (s.contains("%") || !s.matches("[0-9a-f:.]+") || s.indexOf("::") != s.lastIndexOf("::")) {
                throw new IllegalArgumentException("\"" + text + "\" is not a valid IPv6 address");
            }
            int[] groups = new int[8];
            String[] halves = s.split("::", -1);
            int[] head = groups(halves[0], text);
            int[] tail = halves.length == 2 ? groups(halves[1], text) : new int[0];
            if (halves.length == 1 ? head.length != 8 : head.length + tail.length > 7) {
                throw new IllegalArgumentException("\"" + text + "\" is not a valid IPv6 address");
            }
            System.arraycopy(head, 0, groups, 0, head.length);
            System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
            if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
                // IPv4-mapped (::ffff:0:0/96) is the IPv4 host itself: a connection to it goes out over IPv4,
                // and AddressText writes it so, which keeps scope checks and searches on one name
                return (groups[6] >>> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >>> 8) + "." + (groups[7] & 0xff);
            }
            return AddressText.compress(groups);
        }

        private static int[] groups(String part, String text) {
            if (part.isEmpty()) {
                return new int[0];
            }
            String[] fields = part.split(":", -1);
            java.util.List<Integer> out = new java.util.ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                String f = fields[i];
                if (i == fields.length - 1 && f.contains(".")) {
                    if (!IPV4.matcher(f).matches()) {
                        throw new IllegalArgumentException("\"" + text + "\" is not a valid IPv6 address");
                    }
                    String[] b = f.split("\\.");
                    out.add(Integer.parseInt(b[0]) << 8 | Integer.parseInt(b[1]));
                    out.add(Integer.parseInt(b[2]) << 8 | Integer.parseInt(b[3]));
                } else if (f.matches("[0-9a-f]{1,4}")) {
                    out.add(Integer.parseInt(f, 16));
                } else {
                    throw new IllegalArgumentException("\"" + text + "\" is not a valid IPv6 address");
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
