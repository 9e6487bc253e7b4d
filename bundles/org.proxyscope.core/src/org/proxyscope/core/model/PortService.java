package org.proxyscope.core.model;

import java.util.Map;

/**
 * What answered on a port, as far as its replies tell: the kind of service (a web server, an SMTP server,
 * an HTTP proxy) and, where the replies name it, the software and its version.
 *
 * @param kind    one of {@link #KINDS}' keys, e.g. {@code smtp}
 * @param product the software, e.g. {@code Exim}; empty when the replies tell the kind only
 * @param version the version the replies give; empty when they give none
 */
public record PortService(String kind, String product, String version) {

    /** Each kind, as the analyst reads it after "what answered was ...". */
    static final Map<String, String> KINDS = Map.of(
            "http-proxy", "an HTTP proxy",
            "socks-proxy", "a SOCKS proxy",
            "relay-prompt", "a telnet relay",
            "smtp", "an SMTP server",
            "ftp", "an FTP server",
            "web", "a web server",
            "ssh", "an SSH server",
            "pop3", "a POP3 server",
            "imap", "an IMAP server");

    public PortService {
        if (!KINDS.containsKey(kind)) {
            throw new IllegalArgumentException("unknown kind of service " + kind + "; known: " + KINDS.keySet());
        }
    }

    /** A service known by its kind only, e.g. the SOCKS proxy whose replies name no software. */
    public static PortService ofKind(String kind) {
        return new PortService(kind, "", "");
    }

    /** Whether it is a proxy or relay of some protocol, the only services that can deny or want credentials. */
    public boolean isRelay() {
        return kind.equals("http-proxy") || kind.equals("socks-proxy") || kind.equals("relay-prompt");
    }

    /** The software with its version ({@code Squid 5.7}), or the kind ({@code SMTP server}): the Service column. */
    public String label() {
        if (product.isEmpty()) {
            String words = KINDS.get(kind);
            return words.substring(words.indexOf(' ') + 1);
        }
        return version.isEmpty() ? product : product + " " + version;
    }

    /** For a sentence: {@code an SMTP server (Exim 4.96)}, {@code a web server}. */
    public String describe() {
        return KINDS.get(kind) + (product.isEmpty() ? "" : " (" + label() + ")");
    }
}
