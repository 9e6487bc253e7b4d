package org.proxyscope.core.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case's short, human id, {@code PX-2026-0001}: the year the case was opened and its number in that year.
 * Analysts read it out on the phone and paste it into tickets, so it stays short and unambiguous.
 */
public record CaseId(int year, int number) implements Comparable<CaseId> {

    private static final Pattern FORM = Pattern.compile("PX-(\\d{4})-(\\d{4,6})");

    public CaseId {
        if (year < 2000 || year > 9999 || number < 1 || number > 999_999) {
            throw new IllegalArgumentException("Not a case id: year " + year + ", number " + number);
        }
    }

    /** Parses {@code PX-2026-0001}; case-insensitive, as analysts type it. */
    public static CaseId parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a case id; case ids look like PX-2026-0001");
        }
        return new CaseId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    // by hand, not String.format: an import writes the id into each of tens of thousands of rows, and the
    // formatter's parse of its pattern per call was a quarter of that time
    @Override
    public String toString() {
        String digits = Integer.toString(number);
        return "PX-" + year + "-" + "000".substring(Math.min(3, digits.length() - 1)) + digits;
    }

    @Override
    public int compareTo(CaseId other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }
}
