package org.proxyscope.probe.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where an HTTP message ends, for the canary reading a request and a probe reading a reply. */
public final class HttpMessages {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d{1,9})\\s*$");

    private HttpMessages() {
    }

    /**
     * Whether {@code text} holds a whole message: a head ended by a blank line and the body its Content-Length
     * announces. Without a Content-Length a request has no body ({@code untilClose} false), while a reply's
     * body runs until the peer closes ({@code untilClose} true), so it is whole only then.
     */
    public static boolean complete(String text, boolean untilClose) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int end = crlf >= 0 ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
        if (end < 0) {
            return false;
        }
        Matcher m = CONTENT_LENGTH.matcher(text.substring(0, end));
        if (!m.find()) {
            return !untilClose;
        }
        return text.length() - end >= Long.parseLong(m.group(1));
    }
}
