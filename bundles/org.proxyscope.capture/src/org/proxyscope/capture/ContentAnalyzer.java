package org.proxyscope.capture;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.capture.ProxySession.Outcome;
import org.proxyscope.core.model.AddressText;
import org.proxyscope.core.model.PortService;
import org.proxyscope.core.model.ServiceSignatures;

/**
 * Recognises what a TCP flow carried from the first bytes of both directions, as Zeek does: a protocol
 * counts only when the client's bytes and the server's reply both fit it. Proxy requests become
 * {@link ProxySession}s; mail inside a tunnel (or sent directly) is counted.
 */
final class ContentAnalyzer {

    /** How far into the client's bytes an HTTP request line and its Host header are looked for. */
    private static final int HTTP_HEAD = 2048;
    private static final Pattern ABSOLUTE_URI = Pattern.compile("^[hH][tT][tT][pP]://([^/:?#\\s]+|\\[[0-9a-fA-F:.]+\\])(?::(\\d{1,5}))?");
    private static final Pattern WINGATE_PROMPT = Pattern.compile("(?s)(.*\\n)?\\s*[A-Za-z][\\w\\-]{0,31}>");
    private static final Pattern WINGATE_TARGET = Pattern.compile("^([A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:.]+\\])[: ](\\d{1,5})\r?\n");

    /**
     * Reply codes as sessions keep them ("0x5a", "200"), made once each: every session of a capture keeps its
     * code, and tens of thousands of copies of the same few were work for the collector.
     */
    private static final String[] HEX = new String[256];
    private static final String[] STATUS = new String[1000];
    /** How a 2xx answer to CONNECT reads as the proxy's yes ("a 200 to CONNECT"), likewise made once each. */
    private static final String[] CONNECT_GRANTED = new String[100];

    static {
        for (int c = 0; c < HEX.length; c++) {
            HEX[c] = "0x" + Integer.toHexString(c);
        }
        for (int c = 0; c < STATUS.length; c++) {
            STATUS[c] = String.valueOf(c);
        }
        for (int c = 0; c < CONNECT_GRANTED.length; c++) {
            CONNECT_GRANTED[c] = "a " + (200 + c) + " to CONNECT";
        }
    }

    private ContentAnalyzer() {
    }

    /** A SOCKS reply code (0-255) as {@code 0x5a}. */
    private static String hex(int code) {
        return HEX[code];
    }

    /** An HTTP status code (three digits). */
    private static String status(int code) {
        return STATUS[code];
    }

    /**
     * Sets the flow's service and detail; returns its proxy session, or null when it was none. The texts that repeat
     * across flows (banners, request lines, destinations) come from {@code texts}, one for the whole capture.
     */
    static ProxySession analyse(Flow flow, Bytes client, Bytes server, RepeatedTexts texts) {
        ProxySession session = socks4(flow, client, server, texts);
        if (session == null) {
            session = socks5(flow, client, server, texts);
        }
        if (session == null) {
            session = http(flow, client, server, texts);
        }
        if (session == null && flow.service == Service.UNKNOWN) {
            session = wingate(flow, client, server);
        }
        if (session != null || flow.service != Service.UNKNOWN) {
            return session;
        }
        // a flow of its own is SMTP by its first words: its messages are counted only in a proxy's tunnel
        String banner = Mail.banner(client, server, texts);
        if (banner != null) {
            flow.service = Service.SMTP;
            flow.detail = banner;
            return null;
        }
        String sni = TlsHello.serverName(client);
        if (sni != null && server.length() >= 5 && (server.at(0) == 0x16 || server.at(0) == 0x15) && server.at(1) == 3) {
            flow.service = Service.TLS;
            flow.detail = sni;
        }
        return null;
    }

    private static ProxySession socks4(Flow flow, Bytes c, Bytes s, RepeatedTexts texts) {
        if (c.length() < 9 || c.at(0) != 4 || (c.at(1) != 1 && c.at(1) != 2) || s.length() < 8 || s.at(0) != 0
                || (s.at(1) & 0xff) < 0x5a || (s.at(1) & 0xff) > 0x5d) {
            return null;
        }
        int user = c.indexOf(8, (byte) 0);
        if (user < 0) {
            return null;
        }
        int port = (c.at(2) & 0xff) << 8 | c.at(3) & 0xff;
        String destination;
        int requestEnd = user + 1;
        if (c.at(4) == 0 && c.at(5) == 0 && c.at(6) == 0 && c.at(7) != 0) {
            int name = c.indexOf(requestEnd, (byte) 0);
            if (name < 0) {
                return null;
            }
            destination = texts.join().add(c, requestEnd, name).add(':').add(port).joined();
            requestEnd = name + 1;
        } else {
            destination = ipv4(c, 4, port, texts);
        }
        int code = s.at(1) & 0xff;
        String hex = hex(code);
        return session(flow, Service.SOCKS4, destination, code == 0x5a, hex,
                code == 0x5a ? "a SOCKS4 grant (0x5a)" : "the proxy refused the SOCKS4 request (" + hex + ")", c.from(requestEnd), s.from(8));
    }

    private static ProxySession socks5(Flow flow, Bytes c, Bytes s, RepeatedTexts texts) {
        if (c.length() < 3 || c.at(0) != 5 || c.at(1) < 1 || s.length() < 2 || s.at(0) != 5) {
            return null;
        }
        int greeting = 2 + c.at(1);
        if (c.length() < greeting) {
            return null;
        }
        int method = s.at(1) & 0xff;
        flow.service = Service.SOCKS5;
        if (method == 0xff) {
            return refusedSocks5(flow, "", "no acceptable method");
        }
        int ci = greeting;
        int si = 2;
        if (method == 2) {
            // username/password subnegotiation: 1, ulen, user, plen, password; the reply is 1, status
            if (c.length() < ci + 2 || c.length() < ci + 2 + (c.at(ci + 1) & 0xff) + 1) {
                return refusedSocks5(flow, "", "authentication not completed");
            }
            int ulen = c.at(ci + 1) & 0xff;
            int plen = c.at(ci + 2 + ulen) & 0xff;
            ci += 3 + ulen + plen;
            if (s.length() < si + 2) {
                return refusedSocks5(flow, "", "authentication not answered");
            }
            if (s.at(si + 1) != 0) {
                return refusedSocks5(flow, "", "authentication failed");
            }
            si += 2;
        } else if (method != 0) {
            return refusedSocks5(flow, "", "method " + hex(method));
        }
        int targetEnd = socks5AddressEnd(c, ci);
        if (targetEnd < 0 || c.at(ci) != 5) {
            return null;
        }
        String target = socks5Address(c, ci, targetEnd, texts);
        if (target == null) {
            return null;
        }
        int boundEnd = socks5AddressEnd(s, si);
        if (boundEnd < 0 || s.at(si) != 5) {
            return refusedSocks5(flow, target, "no reply to the request");
        }
        int code = s.at(si + 1) & 0xff;
        String hex = hex(code);
        if (code != 0) {
            return refusedSocks5(flow, target, hex);
        }
        return session(flow, Service.SOCKS5, target, true, hex, "a SOCKS5 grant (0x0)", c.from(targetEnd), s.from(boundEnd));
    }

    private static ProxySession refusedSocks5(Flow flow, String destination, String code) {
        return session(flow, Service.SOCKS5, destination, false, code, "the proxy refused the SOCKS5 request (" + code + ")", null, null);
    }

    /** The IPv4 address in the four bytes at {@code at}, with {@code port}: "192.0.2.7:25", made in one piece, once. */
    private static String ipv4(Bytes b, int at, int port, RepeatedTexts texts) {
        return texts.join().add(b.at(at) & 0xff).add('.').add(b.at(at + 1) & 0xff).add('.').add(b.at(at + 2) & 0xff).add('.')
                .add(b.at(at + 3) & 0xff).add(':').add(port).joined();
    }

    /** Where the address of a SOCKS5 request or reply starting at {@code at} (VER CMD RSV ATYP ADDR PORT) ends, or -1. */
    private static int socks5AddressEnd(Bytes b, int at) {
        if (b.length() < at + 5) {
            return -1;
        }
        int a = at + 4;
        int end = switch (b.at(at + 3)) {
            case 1 -> a + 4;
            case 3 -> a + 1 + (b.at(a) & 0xff);
            case 4 -> a + 16;
            default -> -1;
        };
        return end < 0 || b.length() < end + 2 ? -1 : end + 2;
    }

    /** The address of a SOCKS5 request starting at {@code at} and ending at {@code end}, with its port; null when it is none. */
    private static String socks5Address(Bytes b, int at, int end, RepeatedTexts texts) {
        int type = b.at(at + 3);
        int a = at + 4;
        int port = (b.at(end - 2) & 0xff) << 8 | b.at(end - 1) & 0xff;
        // each address made in one piece with its port: a dense capture has tens of thousands of them
        if (type == 1) {
            return ipv4(b, a, port, texts);
        }
        if (type == 3) {
            return texts.join().add(b, a + 1, end - 2).add(':').add(port).joined();
        }
        try {
            return "[" + AddressText.of(java.net.InetAddress.getByAddress(java.util.Arrays.copyOfRange(b.array(), b.offset() + a, b.offset() + end - 2)))
                    + "]:" + port;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static ProxySession http(Flow flow, Bytes c, Bytes s, RepeatedTexts texts) {
        // Every flow comes here, and most are not HTTP: the request line and status are read in place, which
        // spares a 2 KiB String and a regular expression per flow (and compiling the regex engine, a tenth of
        // a large import's JIT time).
        RequestLine request = RequestLine.of(c, texts);
        int code = statusCode(s);
        if (request == null || code < 0) {
            return null;
        }
        if (request.method.equals("CONNECT")) {
            int requestEnd = headerEnd(c);
            int replyEnd = headerEnd(s);
            boolean agreed = code / 100 == 2;
            return session(flow, Service.HTTP_CONNECT, request.target, agreed, status(code),
                    agreed ? CONNECT_GRANTED[code - 200] : "the proxy answered CONNECT with " + statusText(s),
                    requestEnd < 0 ? Bytes.EMPTY : c.from(requestEnd), replyEnd < 0 ? Bytes.EMPTY : s.from(replyEnd));
        }
        // the expression only for what can be an absolute URI: a matcher for each origin-form request was work for nothing
        Matcher absolute = request.target.regionMatches(true, 0, "http://", 0, 7) ? ABSOLUTE_URI.matcher(request.target) : null;
        if (absolute != null && absolute.find()) {
            String destination = absolute.group(1) + ":" + (absolute.group(2) == null ? "80" : absolute.group(2));
            String whose = forwardedBy(s, code);
            return session(flow, Service.HTTP_FORWARD, destination, whose == null, status(code),
                    whose == null ? originsReply(s, code) : whose, null, null);
        }
        flow.service = Service.HTTP;
        flow.detail = request.method + " " + hostHeader(c, request.end) + request.target;
        return null;
    }

    /** An HTTP/1.0 or 1.1 request line at the start of the client's bytes: METHOD SP TARGET SP HTTP/1.x CRLF. */
    private record RequestLine(String method, String target, int end) {

        static RequestLine of(Bytes c, RepeatedTexts texts) {
            int limit = Math.min(c.length(), HTTP_HEAD);
            int space = 0;
            while (space < limit && space <= 12 && c.at(space) >= 'A' && c.at(space) <= 'Z') {
                space++;
            }
            if (space < 3 || space > 12 || space >= limit || c.at(space) != ' ') {
                return null;
            }
            int targetEnd = space + 1;
            while (targetEnd < limit && !RepeatedTexts.whiteSpace(c.at(targetEnd))) {
                targetEnd++;
            }
            int version = targetEnd + 1;
            if (targetEnd == space + 1 || version + 9 > limit || c.at(targetEnd) != ' ' || !c.holds(version, "HTTP/1.")
                    || c.at(version + 7) != '0' && c.at(version + 7) != '1') {
                return null;
            }
            int end = version + 8;
            if (c.at(end) == '\r') {
                end++;
            }
            if (end >= limit || c.at(end) != '\n') {
                return null;
            }
            return new RequestLine(texts.ascii(c, 0, space), texts.ascii(c, space + 1, targetEnd), end + 1);
        }
    }

    /** The three-digit code of an HTTP/1.0 or 1.1 status line at the start of the server's bytes, or -1. */
    private static int statusCode(Bytes s) {
        if (s.length() < 12 || !s.holds(0, "HTTP/1.") || s.at(7) != '0' && s.at(7) != '1' || s.at(8) != ' ') {
            return -1;
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            if (!digit(s.at(i))) {
                return -1;
            }
            code = code * 10 + s.at(i) - '0';
        }
        return code;
    }

    /**
     * Who made an HTTP reply to an absolute-URI request: null when it is the origin's, forwarded by the proxy;
     * otherwise the proxy's own refusal, in words. A 407, Squid's error header, or a Server header naming proxy
     * software is the proxy's own; a Server header naming anything else is the origin's, whatever its status (an
     * origin's 404 relayed is still relayed). Without a Server header, 403 and the gateway errors are a proxy's.
     */
    private static String forwardedBy(Bytes s, int code) {
        if (code < 400) {
            return null;
        }
        String server = header(s, 0, "SERVER:");
        if (code == 407 || !header(s, 0, "X-SQUID-ERROR:").isEmpty()
                || ServiceSignatures.identify("Server: " + server).map(PortService::isRelay).orElse(false)) {
            return "the proxy's own " + statusText(s) + (server.isEmpty() ? "" : " (Server: " + server + ")");
        }
        if (server.isEmpty() && (code == 403 || code == 502 || code == 503 || code == 504)) {
            return "a " + statusText(s) + " that names no server, as a proxy's own refusal";
        }
        return null;
    }

    /** Why an answer to an absolute-URI request is the origin's: its status, and the server it names. */
    private static String originsReply(Bytes s, int code) {
        String server = header(s, 0, "SERVER:");
        return (code < 400 ? "the destination's " : "the origin's own ") + statusText(s) + " came back through the proxy"
                + (server.isEmpty() ? "" : " (Server: " + server + ")");
    }

    /** "404 Not Found": the status code and reason of an HTTP reply, cut at 60 characters. */
    private static String statusText(Bytes s) {
        int end = 9;
        while (end < Math.min(s.length(), 69) && s.at(end) != '\r' && s.at(end) != '\n') {
            end++;
        }
        return s.ascii(9, end).strip();
    }

    /** The value of the first Host header in the head of a request (after {@code from}), or "" when none is there. */
    private static String hostHeader(Bytes c, int from) {
        String value = header(c, from, "HOST:");
        int end = 0;
        while (end < value.length() && !Character.isWhitespace(value.charAt(end))) {
            end++;
        }
        return value.substring(0, end);
    }

    /**
     * The value of the first header {@code upperName} (upper case, with its colon) in the first 2 KiB of a
     * message's head (after {@code from}), to its line's end and stripped; "" when none is there.
     */
    private static String header(Bytes b, int from, String upperName) {
        int limit = Math.min(b.length(), HTTP_HEAD);
        for (int line = from; line < limit; line++) {
            if (line > 0 && b.at(line - 1) != '\n' && b.at(line - 1) != '\r' || !startsWith(b, line, limit, upperName)) {
                continue;
            }
            int value = line + upperName.length();
            int end = value;
            while (end < limit && b.at(end) != '\r' && b.at(end) != '\n') {
                end++;
            }
            String text = b.ascii(value, end).strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    private static ProxySession wingate(Flow flow, Bytes c, Bytes s) {
        // The prompt's '>' lies in the first 512 bytes, and most flows that come here (mail, a proxy's onward
        // connections) have none there: they are ruled out before any text is made. ISO-8859-1 keeps one char per
        // byte, so string offsets are byte offsets; only the prompt and the 512 bytes after it become text.
        int prompt = s.head(513).indexOf(0, (byte) '>');
        if (prompt < 0) {
            return null;
        }
        String reply = s.ascii(0, Math.min(s.length(), 1100));
        if (!WINGATE_PROMPT.matcher(reply).region(0, prompt + 1).matches()) {
            return null;
        }
        Matcher target = WINGATE_TARGET.matcher(c.ascii(0, Math.min(c.length(), 300)));
        if (!target.find()) {
            return null;
        }
        String answer = reply.substring(prompt + 1, Math.min(reply.length(), prompt + 513)).strip();
        String lower = answer.toLowerCase(Locale.ROOT);
        boolean refused = lower.contains("refused") || lower.contains("error") || lower.contains("denied")
                || lower.contains("not allowed") || lower.contains("unable") || lower.contains("fail");
        String firstLine = answer.lines().findFirst().orElse("");
        Bytes tunnelReply = Bytes.EMPTY;
        int connected = reply.toLowerCase(Locale.ROOT).indexOf("connected", prompt);
        int lineEnd = connected < 0 ? -1 : reply.indexOf('\n', connected);
        if (!refused && lineEnd >= 0) {
            tunnelReply = s.from(lineEnd + 1);
        }
        return session(flow, Service.WINGATE, target.group(1) + ":" + target.group(2), !refused, firstLine,
                refused ? "the relay answered \"" + firstLine + "\"" : "the relay's \"" + firstLine + "\"", c.from(target.end()), tunnelReply);
    }

    /**
     * A proxy session and why its outcome is what it is. Refused: the proxy's own no. Agreed, with a tunnel:
     * established when the destination's reply came back through it (and fits what the destination's port
     * sends first), unverified when nothing came back or what came does not fit. Agreed without a tunnel (an
     * HTTP forward): the reply itself is the origin's, as far as the capture can tell.
     *
     * @param said how the proxy's answer reads ("a 200 to CONNECT", "the proxy refused the SOCKS5 request (0x2)")
     */
    private static ProxySession session(Flow flow, Service service, String destination, boolean agreed, String code,
            String said, Bytes clientTunnel, Bytes serverTunnel) {
        flow.service = service;
        flow.detail = destination.isEmpty() ? code : destination;
        Outcome outcome;
        String evidence;
        if (!agreed || serverTunnel == null) {
            outcome = agreed ? Outcome.ESTABLISHED : Outcome.REFUSED;
            evidence = said;
        } else if (serverTunnel.length() == 0) {
            outcome = Outcome.UNVERIFIED;
            evidence = said + " from the proxy, and nothing came from the destination";
        } else {
            FirstWords expected = FirstWords.of(destination, clientTunnel);
            String misfit = expected == null ? null : expected.misfit(destination, serverTunnel);
            outcome = misfit == null ? Outcome.ESTABLISHED : Outcome.UNVERIFIED;
            evidence = misfit != null ? said + ", but " + misfit
                    : expected != null ? expected.cameBack
                    : "the destination's reply came back through the tunnel (" + serverTunnel.length() + " bytes)";
        }
        Mail mail = clientTunnel == null || serverTunnel == null ? null : Mail.count(clientTunnel, serverTunnel);
        return new ProxySession(flow, service == Service.SOCKS4 ? "socks4" : service.word(), destination, outcome, code, evidence,
                mail != null, mail == null ? 0 : mail.messages, mail == null ? 0 : mail.recipients, OptionalInt.empty());
    }

    /**
     * What a destination sends first when a client connects: mail, FTP, POP3, IMAP and SSH servers greet before
     * the client says anything. Known by the destination's port, or by what the client said through the tunnel
     * (EHLO expects a mail server). A tunnel that brings back something else (a web page) was answered by the
     * proxy itself.
     */
    private record FirstWords(String service, java.util.function.Predicate<Bytes> greets, String cameBack) {

        private FirstWords(String service, java.util.function.Predicate<Bytes> greets) {
            this(service, greets, "the destination's " + service + " greeting came back through the tunnel");
        }

        private static final FirstWords SMTP = new FirstWords("SMTP", b -> replyCode(b, "245"));
        private static final FirstWords SSH = new FirstWords("SSH", b -> b.holds(0, "SSH-"));
        private static final java.util.Map<Integer, FirstWords> BY_PORT = java.util.Map.of(25, SMTP, 587, SMTP, 2525, SMTP,
                21, new FirstWords("FTP", b -> replyCode(b, "12345")),
                110, new FirstWords("POP3", b -> b.holds(0, "+OK") || b.holds(0, "-ERR")),
                143, new FirstWords("IMAP", b -> b.holds(0, "* OK") || b.holds(0, "* PREAUTH") || b.holds(0, "* BYE")),
                22, SSH);

        /** What the destination should have said first, or null when nothing tells. */
        static FirstWords of(String destination, Bytes clientTunnel) {
            FirstWords byPort = BY_PORT.get(AddressText.port(destination)); // the port alone: a host's text for each session was garbage
            if (byPort != null) {
                return byPort;
            }
            if (clientTunnel == null || clientTunnel.length() < 5) {
                return null;
            }
            return Mail.greetsServer(clientTunnel) ? SMTP : startsWith(clientTunnel, 0, 5, "SSH-") ? SSH : null;
        }

        /**
         * A reply line's start: three digits, the first one of {@code first}, then a space or a dash. Read in place: a
         * String and a regular expression for each of a dense capture's tens of thousands of tunnels were a twentieth
         * of what its import allocated.
         */
        private static boolean replyCode(Bytes b, String first) {
            return b.length() >= 4 && first.indexOf(b.at(0)) >= 0 && digit(b.at(1)) && digit(b.at(2)) && (b.at(3) == ' ' || b.at(3) == '-');
        }

        /** Why what came back cannot be the destination's first words, or null when it can. */
        String misfit(String destination, Bytes back) {
            if (greets.test(back)) {
                return null;
            }
            String line = back.ascii(0, Math.min(back.length(), 80)).lines().findFirst().orElse("").replaceAll("[^\\x20-\\x7e]", "?");
            return "what came back through the tunnel (\"" + line + "\") is no " + service + " greeting, which "
                    + destination + " would send first: the proxy answered itself";
        }
    }

    /** SMTP, told by the server's 220 greeting and the client's HELO or EHLO: what a proxy's tunnel carried. */
    record Mail(int messages, int recipients) {

        /** Whether the server greets with 220 and the client answers HELO or EHLO. */
        private static boolean spoken(Bytes client, Bytes server) {
            return server.length() >= 4 && server.at(0) == '2' && server.at(1) == '2' && server.at(2) == '0' && greetsServer(client);
        }

        /** Whether the client's first words are HELO or EHLO, in any case. */
        static boolean greetsServer(Bytes client) {
            int end = Math.min(client.length(), 5);
            return startsWith(client, 0, end, "HELO ") || startsWith(client, 0, end, "EHLO ");
        }

        /** The server's banner when both sides speak SMTP, else null. */
        static String banner(Bytes client, Bytes server, RepeatedTexts texts) {
            if (!spoken(client, server)) {
                return null;
            }
            int bannerEnd = server.indexOf(0, (byte) '\n');
            return texts.stripped(server, 0, bannerEnd < 0 ? Math.min(server.length(), 200) : Math.min(bannerEnd, 200));
        }

        /** The messages and recipients the client sent, when both sides speak SMTP, else null. */
        static Mail count(Bytes client, Bytes server) {
            if (!spoken(client, server)) {
                return null;
            }
            int messages = 0;
            int recipients = 0;
            boolean inData = false;
            // line ends found eight bytes at a time: looking at each byte was two fifths of importing a capture
            // dense in mail sessions, whose bodies are most of its bytes
            for (int lineStart = 0, i; (i = client.indexOf(lineStart, (byte) '\n')) >= 0; lineStart = i + 1) {
                // the line's first 16 bytes without the white space around them, compared in place: a
                // String per line was a tenth of a large import
                int start = lineStart;
                int end = Math.min(i, lineStart + 16);
                while (start < end && RepeatedTexts.whiteSpace(client.at(start))) {
                    start++;
                }
                while (end > start && RepeatedTexts.whiteSpace(client.at(end - 1))) {
                    end--;
                }
                if (inData) {
                    if (end - start == 1 && client.at(start) == '.') {
                        inData = false;
                        messages++;
                    }
                } else if (startsWith(client, start, end, "RCPT TO:")) {
                    recipients++;
                } else if (end - start == 4 && startsWith(client, start, end, "DATA")) {
                    inData = true;
                }
            }
            return new Mail(messages, recipients);
        }
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Whether bytes {@code start} to {@code end} begin with {@code upper} (upper-case ASCII), in any case. */
    private static boolean startsWith(Bytes b, int start, int end, String upper) {
        if (end - start < upper.length()) {
            return false;
        }
        for (int k = 0; k < upper.length(); k++) {
            int c = b.at(start + k);
            if ((c >= 'a' && c <= 'z' ? c - 32 : c) != upper.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Offset just past the blank line that ends an HTTP header, or -1. */
    private static int headerEnd(Bytes b) {
        for (int i = 3; i < b.length(); i++) {
            if (b.at(i) == '\n' && (b.at(i - 1) == '\n' || b.at(i - 1) == '\r' && b.at(i - 2) == '\n')) {
                return i + 1;
            }
        }
        return -1;
    }
}
