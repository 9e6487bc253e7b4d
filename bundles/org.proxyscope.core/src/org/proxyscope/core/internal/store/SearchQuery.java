package org.proxyscope.core.internal.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A workspace search as the analyst typed it, read into its parts once for every dialect: words (a trailing *
 * makes a prefix), "quoted phrases", AND, OR, NOT and parentheses, with the AND between words in a row spelled
 * out. Each dialect writes the parts in its own search syntax.
 */
final class SearchQuery {

    /** One part of a query, in order. */
    sealed interface Part {
    }

    /**
     * The characters that join the parts of one word in the index ("wupdate.exe", "alice@victim.test",
     * "192.0.2.7:1080"), and that SQLite's tokenizer keeps at a word's end ("reinstalled." ends a sentence): a whole
     * word typed also finds the words it begins followed by one of them. Without it, the last word of every sentence
     * of a note was out of a search's reach, and so was the program "wupdate" in "wupdate.exe".
     */
    static final String JOINERS = ".-:@_";

    /** A word; {@code prefix} when it ended with *. */
    record Word(String text, boolean prefix) implements Part {

        /** Whether it also finds the words it begins, joined on ({@link #JOINERS}): a whole word of word characters. */
        boolean joinable() {
            return !prefix && text.chars().allMatch(c -> SearchText.isWordChar((char) c))
                    && text.chars().anyMatch(Character::isLetterOrDigit);
        }
    }

    /** The words of a quoted phrase, in a row. */
    record Phrase(String text) implements Part {
    }

    /** AND, OR or NOT (NOT binary: "a NOT b" is a and not b). */
    record Operator(String word) implements Part {
    }

    /** A parenthesis. */
    record Bracket(boolean open) implements Part {
    }

    private SearchQuery() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the query (an unbalanced quote, an operator
     *                                  without a word on each side, nothing to search for)
     */
    static List<Part> parse(String typed) {
        List<Part> out = new ArrayList<>();
        int i = 0;
        String text = typed.strip();
        boolean operandExpected = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("the quote at character " + (i + 1) + " is not closed");
                }
                String phrase = text.substring(i + 1, end);
                if (!phrase.isBlank()) {
                    implicitAnd(out, operandExpected);
                    out.add(new Phrase(phrase));
                    operandExpected = false;
                }
                i = end + 1;
            } else if (c == '(' || c == ')') {
                if (c == '(') {
                    implicitAnd(out, operandExpected);
                }
                out.add(new Bracket(c == '('));
                operandExpected = c == '(';
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "\"()".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String word = text.substring(i, end);
                i = end;
                if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
                    if (operandExpected) {
                        throw new IllegalArgumentException(word + " needs a word before it");
                    }
                    out.add(new Operator(word));
                    operandExpected = true;
                    continue;
                }
                boolean prefix = word.endsWith("*") && word.length() > 1;
                String bare = prefix ? word.substring(0, word.length() - 1) : word;
                if (bare.replace("*", "").isEmpty()) {
                    continue;
                }
                implicitAnd(out, operandExpected);
                out.add(new Word(bare.replace("\"", ""), prefix));
                operandExpected = false;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("there is nothing to search for");
        }
        if (operandExpected) {
            throw new IllegalArgumentException(describe(out.get(out.size() - 1)) + " needs a word after it");
        }
        return out;
    }

    /**
     * The query with each phrase's words in place of the phrase, all of them required and in brackets: it matches
     * every record the phrase matches (and more), and an index finds those without checking where the words stand.
     */
    static List<Part> wordsOfPhrases(List<Part> query) {
        List<Part> out = new ArrayList<>();
        for (Part part : query) {
            // words of punctuation alone are left out: some dialects have no token for them, and fewer words match more
            List<String> words = part instanceof Phrase phrase ? Arrays.stream(phrase.text().strip().split("\\s+"))
                    .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).toList() : List.of();
            if (words.isEmpty()) {
                out.add(part);
                continue;
            }
            out.add(new Bracket(true));
            for (int i = 0; i < words.size(); i++) {
                if (i > 0) {
                    out.add(new Operator("AND"));
                }
                out.add(new Word(words.get(i), false));
            }
            out.add(new Bracket(false));
        }
        return out;
    }

    /** Words in a row must all match: an AND between them. */
    private static void implicitAnd(List<Part> out, boolean operandExpected) {
        if (!operandExpected && !out.isEmpty()) {
            out.add(new Operator("AND"));
        }
    }

    private static String describe(Part part) {
        return switch (part) {
            case Word w -> w.text();
            case Phrase p -> "\"" + p.text() + "\"";
            case Operator o -> o.word();
            case Bracket b -> b.open() ? "(" : ")";
        };
    }
}
