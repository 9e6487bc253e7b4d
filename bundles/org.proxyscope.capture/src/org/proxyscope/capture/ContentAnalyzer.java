package org.proxyscope.capture;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.capture.ProxySession.Outcome;
import org.proxyscope.core.model.AddressText;

/**
 * Recognises what a TCP flow carried from the first bytes of both directions, as Zeek does: a protocol
 * counts only when the client's bytes and the server's reply both fit it. Proxy requests become
 * {@link ProxySession}s; mail inside a tunnel (or sent directly) is counted.
 */
final class ContentAnalyzer {

    private static final Pattern HTTP_REQUEST = Pattern.compile("^([A-Z]{3,12}) (\\S+) HTTP/1\\.[01]\r?\n");
    private static final Pattern HTTP_STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
    private static final Pattern ABSOLUTE_URI = Pattern.compile("^[hH][tT][tT][pP]://([^/:?#\\s]+|\\[[0-9a-fA-F:.]+\\])(?::(\\d{1,5}))?");
    private static final Pattern HOST_HEADER = Pattern.compile("(?im)^Host:[ \\t]*(\\S+)");
    private static final Pattern WINGATE_TARGET = Pattern.compile("^([A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:.]+\\])[: ](\\d{1,5})\r?\n");

    private ContentAnalyzer() {
    }

    /** Sets the flow's service and detail; returns its proxy session, or null when it was none. */
    static ProxySession analyse(Flow flow, byte[] client, byte[] server) {
        ProxySession session = socks4(flow, client, server);
        if (session == null) {
            session = socks5(flow, client, server);
        }
        if (session == null) {
            session = http(flow, client, server);
        }
        if (session == null) {
            session = wingate(flow, client, server);
        }
        if (session != null || flow.service != Service.UNKNOWN) {
            return session;
        }
        Mail mail = Mail.count(client, server);
        if (mail != null) {
            flow.service = Service.SMTP;
            flow.detail = mail.banner;
            return null;
        }
        String sni = TlsHello.serverName(client);
        if (sni != null && server.length >= 5 && (server[0] == 0x16 || server[0] == 0x15) && server[1] == 3) {
            flow.service = Service.TLS;
            flow.detail = sni;
        }
        return null;
    }

    private static ProxySession socks4(Flow flow, byte[] c, byte[] s) {
        if (c.length < 9 || c[0] != 4 || (c[1] != 1 && c[1] != 2) || s.length < 8 || s[0] != 0
                || (s[1] & 0xff) < 0x5a || (s[1] & 0xff) > 0x5d) {
            return null;
        }
        int user = indexOf(c, 8, (byte) 0);
        if (user < 0) {
            return null;
        }
        int port = (c[2] & 0xff) << 8 | c[3] & 0xff;
        String host;
        int requestEnd = user + 1;
        if (c[4] == 0 && c[5] == 0 && c[6] == 0 && c[7] != 0) {
            int name = indexOf(c, requestEnd, (byte) 0);
            if (name < 0) {
                return null;
            }
            host = ascii(c, requestEnd, name);
            requestEnd = name + 1;
        } else {
            host = (c[4] & 0xff) + "." + (c[5] & 0xff) + "." + (c[6] & 0xff) + "." + (c[7] & 0xff);
        }
        int code = s[1] & 0xff;
        return session(flow, Service.SOCKS4, host + ":" + port, code == 0x5a, "0x" + Integer.toHexString(code),
                tail(c, requestEnd), tail(s, 8));
    }

    private static ProxySession socks5(Flow flow, byte[] c, byte[] s) {
        if (c.length < 3 || c[0] != 5 || c[1] < 1 || s.length < 2 || s[0] != 5) {
            return null;
        }
        int greeting = 2 + c[1];
        if (c.length < greeting) {
            return null;
        }
        int method = s[1] & 0xff;
        flow.service = Service.SOCKS5;
        if (method == 0xff) {
            return session(flow, Service.SOCKS5, "", false, "no acceptable method", null, null);
        }
        int ci = greeting;
        int si = 2;
        if (method == 2) {
            // username/password subnegotiation: 1, ulen, user, plen, password; the reply is 1, status
            if (c.length < ci + 2 || c.length < ci + 2 + (c[ci + 1] & 0xff) + 1) {
                return session(flow, Service.SOCKS5, "", false, "authentication not completed", null, null);
            }
            int ulen = c[ci + 1] & 0xff;
            int plen = c[ci + 2 + ulen] & 0xff;
            ci += 3 + ulen + plen;
            if (s.length < si + 2) {
                return session(flow, Service.SOCKS5, "", false, "authentication not answered", null, null);
            }
            if (s[si + 1] != 0) {
                return session(flow, Service.SOCKS5, "", false, "authentication failed", null, null);
            }
            si += 2;
        } else if (method != 0) {
            return session(flow, Service.SOCKS5, "", false, "method 0x" + Integer.toHexString(method), null, null);
        }
        Address target = socks5Address(c, ci);
        if (target == null || c[ci] != 5) {
            return null;
        }
        Address bound = socks5Address(s, si);
        if (bound == null || s[si] != 5) {
            return session(flow, Service.SOCKS5, target.text, false, "no reply to the request", null, null);
        }
        int code = s[si + 1] & 0xff;
        return session(flow, Service.SOCKS5, target.text, code == 0, "0x" + Integer.toHexString(code), tail(c, target.end),
                tail(s, bound.end));
    }

    private record Address(String text, int end) {
    }

    /** The address of a SOCKS5 request or reply starting at {@code at} (VER CMD RSV ATYP ADDR PORT). */
    private static Address socks5Address(byte[] b, int at) {
        if (b.length < at + 5) {
            return null;
        }
        int type = b[at + 3];
        int a = at + 4;
        String host;
        int end;
        switch (type) {
            case 1 -> {
                end = a + 4;
                if (b.length < end + 2) {
                    return null;
                }
                host = (b[a] & 0xff) + "." + (b[a + 1] & 0xff) + "." + (b[a + 2] & 0xff) + "." + (b[a + 3] & 0xff);
            }
            case 3 -> {
                end = a + 1 + (b[a] & 0xff);
                if (b.length < end + 2) {
                    return null;
                }
                host = ascii(b, a + 1, end);
            }
            case 4 -> {
                end = a + 16;
                if (b.length < end + 2) {
                    return null;
                }
                try {
                    host = "[" + AddressText.of(java.net.InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, a, end))) + "]";
                } catch (java.net.UnknownHostException e) {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
        int port = (b[end] & 0xff) << 8 | b[end + 1] & 0xff;
        return new Address(host + ":" + port, end + 2);
    }

    private static ProxySession http(Flow flow, byte[] c, byte[] s) {
        String head = ascii(c, 0, Math.min(c.length, 2048));
        Matcher request = HTTP_REQUEST.matcher(head);
        String reply = ascii(s, 0, Math.min(s.length, 64));
        Matcher status = HTTP_STATUS.matcher(reply);
        if (!request.find() || !status.find()) {
            return null;
        }
        String method = request.group(1);
        String target = request.group(2);
        int code = Integer.parseInt(status.group(1));
        if (method.equals("CONNECT")) {
            int requestEnd = headerEnd(c);
            int replyEnd = headerEnd(s);
            return session(flow, Service.HTTP_CONNECT, target, code / 100 == 2, String.valueOf(code),
                    requestEnd < 0 ? new byte[0] : tail(c, requestEnd), replyEnd < 0 ? new byte[0] : tail(s, replyEnd));
        }
        Matcher absolute = ABSOLUTE_URI.matcher(target);
        if (absolute.find()) {
            String destination = absolute.group(1) + ":" + (absolute.group(2) == null ? "80" : absolute.group(2));
            // a forward proxy's reply is the destination's own; it proves the relay as far as a capture can
            return session(flow, Service.HTTP_FORWARD, destination, code < 400, String.valueOf(code), null, null);
        }
        flow.service = Service.HTTP;
        Matcher host = HOST_HEADER.matcher(head);
        flow.detail = method + " " + (host.find() ? host.group(1) : "") + target;
        return null;
    }

    private static ProxySession wingate(Flow flow, byte[] c, byte[] s) {
        // ISO-8859-1 keeps one char per byte, so string offsets are byte offsets. The prompt lies in the first
        // 512 bytes and its answer in the 512 after: only those become text, not the whole reassembled reply.
        String reply = ascii(s, 0, Math.min(s.length, 1100));
        int prompt = reply.indexOf('>');
        if (prompt < 0 || prompt > 512 || !reply.substring(0, prompt + 1).matches("(?s)(.*\\n)?\\s*[A-Za-z][\\w\\-]{0,31}>")) {
            return null;
        }
        Matcher target = WINGATE_TARGET.matcher(ascii(c, 0, Math.min(c.length, 300)));
        if (!target.find()) {
            return null;
        }
        String answer = reply.substring(prompt + 1, Math.min(reply.length(), prompt + 513)).strip();
        String lower = answer.toLowerCase(Locale.ROOT);
        boolean refused = lower.contains("refused") || lower.contains("error") || lower.contains("denied")
                || lower.contains("not allowed") || lower.contains("unable") || lower.contains("fail");
        String firstLine = answer.lines().findFirst().orElse("");
        byte[] tunnelReply = new byte[0];
        int connected = reply.toLowerCase(Locale.ROOT).indexOf("connected", prompt);
        int lineEnd = connected < 0 ? -1 : reply.indexOf('\n', connected);
        if (!refused && lineEnd >= 0) {
            tunnelReply = tail(s, lineEnd + 1);
        }
        return session(flow, Service.WINGATE, target.group(1) + ":" + target.group(2), !refused, firstLine,
                tail(c, target.end()), tunnelReply);
    }

    /**
     * A proxy session: agreed and answered through the tunnel is established; agreed with nothing back is
     * unverified; anything else was refused. {@code null} tunnels mean the reply itself is the proof.
     */
    private static ProxySession session(Flow flow, Service service, String destination, boolean agreed, String code,
            byte[] clientTunnel, byte[] serverTunnel) {
        flow.service = service;
        flow.detail = destination.isEmpty() ? code : destination;
        Outcome outcome;
        if (!agreed) {
            outcome = Outcome.REFUSED;
        } else if (serverTunnel == null || serverTunnel.length > 0) {
            outcome = Outcome.ESTABLISHED;
        } else {
            outcome = Outcome.UNVERIFIED;
        }
        Mail mail = clientTunnel == null || serverTunnel == null ? null : Mail.count(clientTunnel, serverTunnel);
        return new ProxySession(flow, service == Service.SOCKS4 ? "socks4" : service.word(), destination, outcome, code,
                mail != null, mail == null ? 0 : mail.messages, mail == null ? 0 : mail.recipients, OptionalInt.empty());
    }

    /** SMTP as seen from both sides: the server's 220 banner and the client's HELO or EHLO. */
    record Mail(String banner, int messages, int recipients) {

        static Mail count(byte[] client, byte[] server) {
            if (server.length < 4 || server[0] != '2' || server[1] != '2' || server[2] != '0' || client.length < 5) {
                return null;
            }
            String first = ascii(client, 0, 5).toUpperCase(Locale.ROOT);
            if (!first.startsWith("HELO ") && !first.startsWith("EHLO ")) {
                return null;
            }
            int messages = 0;
            int recipients = 0;
            boolean inData = false;
            int lineStart = 0;
            for (int i = 0; i < client.length; i++) {
                if (client[i] != '\n') {
                    continue;
                }
                String line = ascii(client, lineStart, Math.min(i, lineStart + 16)).strip().toUpperCase(Locale.ROOT);
                lineStart = i + 1;
                if (inData) {
                    if (line.equals(".")) {
                        inData = false;
                        messages++;
                    }
                } else if (line.startsWith("RCPT TO:")) {
                    recipients++;
                } else if (line.equals("DATA")) {
                    inData = true;
                }
            }
            int bannerEnd = indexOf(server, 0, (byte) '\n');
            String banner = ascii(server, 0, bannerEnd < 0 ? Math.min(server.length, 200) : Math.min(bannerEnd, 200)).strip();
            return new Mail(banner, messages, recipients);
        }
    }

    static int indexOf(byte[] b, int from, byte value) {
        for (int i = Math.max(0, from); i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Offset just past the blank line that ends an HTTP header, or -1. */
    private static int headerEnd(byte[] b) {
        for (int i = 3; i < b.length; i++) {
            if (b[i] == '\n' && (b[i - 1] == '\n' || b[i - 1] == '\r' && b[i - 2] == '\n')) {
                return i + 1;
            }
        }
        return -1;
    }

    private static byte[] tail(byte[] b, int from) {
        return from >= b.length ? new byte[0] : java.util.Arrays.copyOfRange(b, from, b.length);
    }

    static String ascii(byte[] b, int from, int to) {
        return new String(b, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }
}
