package org.proxyscope.core.internal.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words of searchable text as a team workspace's PostgreSQL search sees them, made here rather than by the
 * server's text parser: that parser cuts "192.0.2.7:1080" and "mail-relay.example" by rules of its own, and
 * an analyst's address search must find what the local workspace's search finds. A word is a run of letters,
 * digits and {@code . - : @ _} (as the local index's tokenizer keeps them), lower-cased, without dots, dashes or
 * colons at its ends.
 */
final class SearchText {

    /** PostgreSQL's limits: a position, positions kept per word, a word's length, a whole tsvector. */
    private static final int MAX_POSITION = 16_383;
    private static final int POSITIONS_PER_WORD = 256;
    private static final int MAX_WORD_BYTES = 2_046;
    private static final int MAX_VECTOR_CHARS = 800_000;
    private static final int MAX_ADDRESS_CHARS = 150_000;
    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')*)'(:\\*)?");

    private SearchText() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        eachWord(text, (start, end) -> {
            int from = start;
            int to = end;
            while (from < to && ".-:".indexOf(text.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && ".-:".indexOf(text.charAt(to - 1)) >= 0) {
                to--;
            }
            if (to > from && to - from <= MAX_WORD_BYTES / 4) {
                out.add(text.substring(from, to).toLowerCase(Locale.ROOT));
            }
            return true;
        });
        return out;
    }

    /** Where a run of word characters begins and ends; returns whether to go on to the next. */
    @FunctionalInterface
    private interface WordSpan {
        boolean next(int start, int end);
    }

    /** Calls {@code span} with each run of word characters of {@code text} in turn, until it says stop. */
    private static void eachWord(String text, WordSpan span) {
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i > start && !span.next(start, i)) {
                return;
            }
        }
    }

    /** A character kept inside a word, here and by the local index's tokenizer. */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || ".-:@_".indexOf(c) >= 0;
    }

    /**
     * A tsvector literal of a title (weight A) and a body (weight B), words at their positions. A body larger than
     * the server keeps in one tsvector (1 MB) is indexed as far as fits, its first hundreds of thousands of words,
     * and after them still every word that holds an address (what analysts search a workspace for most).
     */
    static String vector(String title, String body) {
        Map<String, Positions> positions = new LinkedHashMap<>();
        Budget budget = new Budget();
        add(positions, words(title), 'A', budget);
        add(positions, words(body), 'B', budget);
        StringBuilder out = new StringBuilder(budget.size + positions.size() * 4);
        positions.forEach((word, at) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(quote(word)).append(':').append(at.text);
        });
        return out.toString();
    }

    /** The positions of one word, as the literal writes them. */
    private static final class Positions {
        final StringBuilder text = new StringBuilder();
        int count;
    }

    /** Where the words have got to, and how long the literal has grown. */
    private static final class Budget {
        int position;
        int size;
    }

    private static void add(Map<String, Positions> positions, List<String> words, char weight, Budget budget) {
        for (String word : words) {
            // past the last position the server keeps, more positions say nothing new: it would merge them
            boolean past = budget.position >= MAX_POSITION;
            budget.position = Math.min(MAX_POSITION, budget.position + 1);
            Positions at = positions.get(word);
            if (at == null) {
                boolean full = budget.size > MAX_VECTOR_CHARS;
                if (full && (budget.size > MAX_VECTOR_CHARS + MAX_ADDRESS_CHARS || !mayBeAddress(word))) {
                    continue;
                }
                at = new Positions();
                positions.put(word, at);
                budget.size += word.length() + 4;
            } else if (past || at.count >= POSITIONS_PER_WORD || budget.size > MAX_VECTOR_CHARS) {
                continue;
            } else {
                at.text.append(',');
            }
            at.text.append(budget.position).append(weight);
            at.count++;
            budget.size += 7;
        }
    }

    /** A word with a digit and a dot or colon in it: an IPv4 or IPv6 address, or one with its port. */
    private static boolean mayBeAddress(String word) {
        return word.chars().anyMatch(Character::isDigit) && (word.indexOf('.') >= 0 || word.indexOf(':') >= 0);
    }

    static String quote(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * A word typed whole as it is, or followed by one of {@code joiners} and more ("wupdate" finds "wupdate.exe"), as
     * the local search takes it; {@code typed} holds word characters only. Empty when it is no word to search for.
     */
    static String joined(String typed, String joiners) {
        List<String> words = words(typed);
        if (words.size() != 1) {
            return "";
        }
        String word = words.get(0);
        StringBuilder any = new StringBuilder("(").append(quote(word));
        for (char j : joiners.toCharArray()) {
            any.append(" | ").append(quote(word + j)).append(":*");
        }
        return any.append(')').toString();
    }

    /** The words of a phrase in a row ({@code <->}), the last one a prefix when asked; empty when it has none. */
    static String phrase(String text, boolean prefix) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            out.append(i == 0 ? "" : " <-> ").append(quote(words.get(i)));
        }
        return (words.size() > 1 ? "(" + out + ")" : out.toString()) + (prefix ? ":*" : "");
    }

    /**
     * About a dozen words of {@code body} around its first word the query names, each such word marked « », with
     * " … " where the text goes on: what the local workspace's search shows as a hit's snippet.
     */
    static String snippet(String body, String tsquery) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Matcher m = LEXEME.matcher(tsquery);
        while (m.find()) {
            String lexeme = m.group(1).replace("''", "'").replace("\\\\", "\\");
            (m.group(2) != null ? prefixes : exact).add(lexeme);
        }
        // start and end of each word in the body, up to a dozen past the first match; a body whose first thousands
        // of words hold no match (the title matched) shows its beginning
        List<int[]> spans = new ArrayList<>();
        int[] first = {-1};
        eachWord(body, (start, end) -> {
            spans.add(new int[] { start, end });
            if (first[0] < 0 && matches(body.substring(start, end), exact, prefixes)) {
                first[0] = spans.size() - 1;
            }
            return first[0] < 0 ? spans.size() < 4_096 : spans.size() <= first[0] + 12;
        });
        if (spans.isEmpty()) {
            return "";
        }
        int from = Math.max(0, Math.max(first[0], 0) - 3);
        int to = Math.min(spans.size(), from + 12);
        // the text as written from the first word shown to the last, its punctuation kept, matches marked
        StringBuilder out = new StringBuilder(from > 0 ? " … " : "");
        int at = spans.get(from)[0];
        for (int w = from; w < to; w++) {
            int[] span = spans.get(w);
            String word = body.substring(span[0], span[1]);
            out.append(body, at, span[0]).append(matches(word, exact, prefixes) ? "«" + word + "»" : word);
            at = span[1];
        }
        if (to < spans.size() || spans.get(to - 1)[1] < body.strip().length()) {
            out.append(" … ");
        }
        return out.toString();
    }

    private static boolean matches(String text, List<String> exact, List<String> prefixes) {
        for (String word : words(text)) {
            if (exact.contains(word) || prefixes.stream().anyMatch(word::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
