package org.proxyscope.core.model;

import java.util.ArrayList;
import java.util.List;

/** A set of TCP ports as sorted, merged ranges, written like {@code 80,81,8000-8100}. */
public record PortRanges(List<int[]> ranges) {

    /** Every port, 1 to 65535. */
    public static final PortRanges ALL = new PortRanges(List.<int[]>of(new int[] {1, 65535}));

    public PortRanges {
        ranges = List.copyOf(ranges);
    }

    /** Parses {@code 80,8080,1000-2000} or {@code all}. */
    public static PortRanges parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.equalsIgnoreCase("all") || s.equals("*")) {
            return ALL;
        }
        List<int[]> parsed = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.strip();
            String[] bounds = p.split("-", -1);
            if (p.isEmpty() || bounds.length > 2) {
                throw new IllegalArgumentException("\"" + text + "\" is not a port list; write ports like 80,8080,1000-2000");
            }
            int low = port(bounds[0], text);
            int high = bounds.length == 2 ? port(bounds[1], text) : low;
            if (high < low) {
                throw new IllegalArgumentException("The port range " + p + " runs backwards");
            }
            parsed.add(new int[] {low, high});
        }
        return merged(parsed);
    }

    private static int port(String digits, String text) {
        if (!digits.strip().matches("\\d{1,5}")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a port list; write ports like 80,8080,1000-2000");
        }
        int port = Integer.parseInt(digits.strip());
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is outside 1-65535");
        }
        return port;
    }

    private static PortRanges merged(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new int[] {r[0], r[1]});
            }
        }
        return new PortRanges(out);
    }

    /** Every port, in order. */
    public List<Integer> list() {
        List<Integer> ports = new ArrayList<>();
        for (int[] r : ranges) {
            for (int p = r[0]; p <= r[1]; p++) {
                ports.add(p);
            }
        }
        return ports;
    }

    /** The ranges that hold exactly these ports. */
    public static PortRanges of(List<Integer> ports) {
        return merged(ports.stream().map(p -> new int[] {p, p}).toList());
    }

    public boolean contains(int port) {
        for (int[] r : ranges) {
            if (port >= r[0] && port <= r[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortRanges other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        if (ranges.size() == 1 && ranges.get(0)[0] == 1 && ranges.get(0)[1] == 65535) {
            return "all";
        }
        StringBuilder out = new StringBuilder();
        for (int[] r : ranges) {
            out.append(out.isEmpty() ? "" : ",").append(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]);
        }
        return out.toString();
    }
}
