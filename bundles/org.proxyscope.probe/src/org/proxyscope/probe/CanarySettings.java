package org.proxyscope.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.model.AddressText;

/**
 * The canary as the analyst set it up, in the words of the command line and the preferences; blank means
 * unset. The same rules serve both: {@link #check()} says what is wrong before anything listens.
 *
 * @param listen     ADDR:PORT of the HTTP canary (blank: this machine's address towards the target, any port)
 * @param smtpListen ADDR:PORT of the SMTP canary (blank: the HTTP canary's address, port 25)
 * @param domain     the mail domain whose MX leads to the SMTP canary (blank: no SMTP canary)
 * @param url        the external canary's http:// URL (blank: Proxyscope's own listeners)
 * @param text       the text the external URL returns
 */
public record CanarySettings(String listen, String smtpListen, String domain, String url, String text) {

    public static final int SMTP_PORT = 25;
    /** {@code ADDR:PORT}: an IPv6 address in brackets, or an IPv4 address or host name. */
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]+):(\\d{1,5})");

    public CanarySettings {
        listen = strip(listen);
        smtpListen = strip(smtpListen);
        domain = strip(domain);
        url = strip(url);
        text = text == null ? "" : text;
    }

    /** Proxyscope's own HTTP canary on the default address, no mail. */
    public static CanarySettings automatic() {
        return new CanarySettings("", "", "", "", "");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** @throws IllegalArgumentException naming the setting that is wrong and why */
    public void check() {
        if (!url.isEmpty()) {
            if (!listen.isEmpty() || !domain.isEmpty() || !smtpListen.isEmpty()) {
                throw new IllegalArgumentException("the external canary URL replaces Proxyscope's own listeners: set either the URL"
                        + " or the listen addresses and mail domain, not both");
            }
            Canary.requireExpectedText(text);
            externalUrl();
            return;
        }
        if (!text.isEmpty()) {
            throw new IllegalArgumentException("the canary text belongs to an external canary URL, and none is set");
        }
        if (!smtpListen.isEmpty() && domain.isEmpty()) {
            throw new IllegalArgumentException("the SMTP canary address needs a canary mail domain, the domain whose mail reaches it");
        }
        if (!domain.isEmpty()) {
            Canary.requireDomainName(domain);
        }
        checkAddress("the canary address", listen);
        checkAddress("the SMTP canary address", smtpListen);
    }

    private static void checkAddress(String option, String typed) {
        Matcher m = ADDRESS.matcher(typed);
        if (!typed.isEmpty() && (!m.matches() || Integer.parseInt(m.group(2)) > 65535)) {
            throw new IllegalArgumentException("write " + option + " as ADDR:PORT, e.g. 192.0.2.1:8081 or [2001:db8::1]:8081");
        }
    }

    /**
     * Where a listener listens: {@code typed} (already checked as {@code ADDR:PORT}), or, when nothing was
     * typed, this machine's address towards the target with {@code defaultPort}.
     */
    private static InetSocketAddress address(String typed, String targetHost, int defaultPort) throws IOException {
        if (typed.isEmpty()) {
            return new InetSocketAddress(Canary.defaultAddressTowards(targetHost).getAddress(), defaultPort);
        }
        Matcher m = ADDRESS.matcher(typed);
        m.matches(); // true: start() ran check() first
        return new InetSocketAddress(InetAddress.getByName(m.group(1).replaceAll("[\\[\\]]", "")), Integer.parseInt(m.group(2)));
    }

    private URI externalUrl() {
        try {
            return Canary.requirePlainHttp(new URI(url));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the external canary URL is not a URL: " + e.getMessage());
        }
    }

    /**
     * Starts the canary for probing {@code targetHost}.
     *
     * @throws IOException when a listener cannot listen (address in use, port 25 without the right to bind it)
     */
    public Canary start(String targetHost) throws IOException {
        check();
        if (!url.isEmpty()) {
            return Canary.external(externalUrl(), text);
        }
        InetSocketAddress http = address(listen, targetHost, 0);
        Canary canary;
        try {
            canary = Canary.listen(http);
        } catch (IOException e) {
            throw new IOException("the canary cannot listen on " + written(http) + ": " + e.getMessage(), e);
        }
        if (!domain.isEmpty()) {
            InetSocketAddress mail = smtpListen.isEmpty() ? new InetSocketAddress(canary.address().getAddress(), SMTP_PORT)
                    : address(smtpListen, targetHost, SMTP_PORT);
            try {
                canary.listenForMail(mail, domain);
            } catch (IOException e) {
                canary.close();
                throw new IOException("the SMTP canary cannot listen on " + written(mail) + ": " + e.getMessage()
                        + (mail.getPort() < 1024 ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE; or set another SMTP canary address)" : ""),
                        e);
            }
        }
        return canary;
    }

    private static String written(InetSocketAddress address) {
        return AddressText.withPort(address.getAddress().getHostAddress(), address.getPort());
    }
}
