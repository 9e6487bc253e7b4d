package org.proxyscope.core.model;

import java.util.Collection;
import java.util.List;

/** Lists as the report, the notice and the command line write them in a sentence. */
public final class Phrases {

    private Phrases() {
    }

    /** "a", "a and b", "a, b and c". */
    public static String and(List<String> parts) {
        return parts.size() <= 1 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * "192.0.2.7, 192.0.2.8 and 3 more": the first five, and how many more. A capture of a whole network can hold
     * hundreds of proxies, a listing hundreds of connections.
     */
    public static String firstFew(Collection<String> items) {
        List<String> first = items.stream().limit(5).toList();
        return items.size() > first.size() ? String.join(", ", first) + " and " + (items.size() - first.size()) + " more" : and(first);
    }
}
