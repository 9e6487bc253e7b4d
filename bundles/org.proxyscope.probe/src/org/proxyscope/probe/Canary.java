package org.proxyscope.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.NetworkThreads;
import org.proxyscope.core.RandomBytes;
import org.proxyscope.core.model.AddressText;
import org.proxyscope.probe.internal.HttpMessages;

/**
 * Where probes ask the target to relay to, and the judge of whether it did. By default Proxyscope's own
 * listeners: an HTTP one (each probe carries a fresh random token, and a relay is proven only when the token
 * arrives here through the target), optionally an SMTP one for a mail domain the analyst controls, and
 * one-shot data ports for FTP bounce. They answer with a short reply naming the token, serve nothing else
 * and never connect anywhere: the canary is not a proxy.
 * <p>
 * When the target cannot reach this machine, the external mode takes a URL the analyst controls and the
 * text it returns; a relay is then proven when that text comes back through the target.
 */
public final class Canary implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("pxc-[0-9a-f]{32}");
    private static final int MAX_REQUEST = 4096;
    /** How long a message or connection may take to reach the canary after the target claimed to pass it on. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final ServerSocket server;
    private final URI externalUrl;
    private final String expectedText;
    private final InetSocketAddress reachAt;
    private final Map<String, CanaryProof> arrivals = new ConcurrentHashMap<>();
    private final List<AutoCloseable> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> acceptors = new CopyOnWriteArrayList<>();
    private volatile String mailDomain;

    private Canary(ServerSocket server, URI externalUrl, String expectedText, InetSocketAddress reachAt) {
        this.server = server;
        this.externalUrl = externalUrl;
        this.expectedText = expectedText;
        this.reachAt = reachAt;
        if (server != null) {
            listeners.add(server);
            acceptors.add(NetworkThreads.start("proxyscope-canary", () -> accept(server, client -> serveHttp(client))));
        }
    }

    /** Listens on {@code address} (port 0 picks a free one). */
    public static Canary listen(InetSocketAddress address) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(address, 64);
        return new Canary(server, null, null, (InetSocketAddress) server.getLocalSocketAddress());
    }

    /**
     * The external mode: probes ask the target to fetch {@code url} (plain http), and a relay is proven when
     * {@code expectedText} comes back through the target.
     *
     * @throws IllegalArgumentException when the URL is not http://HOST[:PORT]/... or the text is blank
     * @throws UnknownHostException when the URL's host does not resolve here (SOCKS4 needs its address)
     */
    public static Canary external(URI url, String expectedText) throws UnknownHostException {
        requirePlainHttp(url);
        requireExpectedText(expectedText);
        int port = url.getPort() < 0 ? 80 : url.getPort();
        return new Canary(null, url, expectedText, new InetSocketAddress(InetAddress.getByName(url.getHost()), port));
    }

    /**
     * Adds an SMTP listener on {@code address} that accepts mail for {@code domain} only; the domain's MX
     * must lead the target's mail to this address. Not available in the external mode.
     */
    public Canary listenForMail(InetSocketAddress address, String domain) throws IOException {
        if (isExternal()) {
            throw new IllegalStateException("The external canary cannot receive mail");
        }
        requireDomainName(domain);
        ServerSocket mail = new ServerSocket();
        mail.bind(address, 64);
        listeners.add(mail);
        mailDomain = domain.toLowerCase(Locale.ROOT);
        acceptors.add(NetworkThreads.start("proxyscope-canary-smtp", () -> accept(mail,
                client -> new CanaryMailSession(client, mailDomain, TOKEN, this::arrived).run())));
        return this;
    }

    // The rules for the canary's settings, here once for the canary itself and for CanarySettings.check(),
    // which applies them to what the analyst typed before anything listens.

    /** @throws IllegalArgumentException unless {@code domain} is a plain domain name (letters, digits, dots and hyphens) */
    static void requireDomainName(String domain) {
        if (domain == null || !domain.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("the canary mail domain must be a plain domain name such as canary.example.net, not "
                    + domain);
        }
    }

    /** @throws IllegalArgumentException unless {@code url} is a plain http:// URL with a host */
    static URI requirePlainHttp(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("the external canary URL must be a plain http:// URL with a host, not " + url);
        }
        return url;
    }

    /** @throws IllegalArgumentException when the text the external URL returns is missing */
    static void requireExpectedText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the external canary URL needs the text it returns, to recognise it when it comes back");
        }
    }

    /** The mail domain whose messages reach the canary, when an SMTP listener runs. */
    public Optional<String> mailDomain() {
        return Optional.ofNullable(mailDomain);
    }

    /**
     * This machine's address towards the target, with port 0 (any free one): where the target can most
     * likely reach the canary. Asking a connected UDP socket sends nothing.
     */
    static InetSocketAddress defaultAddressTowards(String host) throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            socket.connect(InetAddress.getByName(host), 9);
            return new InetSocketAddress(socket.getLocalAddress(), 0);
        }
    }

    /** Where the target is asked to connect: the HTTP listener, or the external URL's host and port. */
    public InetSocketAddress address() {
        return reachAt;
    }

    /** The host as the target should be asked for it: an address literal, or the external URL's host name. */
    public String host() {
        return isExternal() ? externalUrl.getHost() : reachAt.getAddress().getHostAddress();
    }

    /** {@code host:port} for Host headers and CONNECT lines (IPv6 literals in brackets). */
    public String authority() {
        return AddressText.withPort(host(), reachAt.getPort());
    }

    /** The path a probe asks for: its token on the own canary, the analyst's path in the external mode. */
    public String path(String token) {
        if (!isExternal()) {
            return "/" + token;
        }
        String path = externalUrl.getRawPath() == null || externalUrl.getRawPath().isEmpty() ? "/" : externalUrl.getRawPath();
        return externalUrl.getRawQuery() == null ? path : path + "?" + externalUrl.getRawQuery();
    }

    /** Where the canary listened, in words, as a probe run keeps it. */
    public String describe() {
        if (isExternal()) {
            return "external: " + externalUrl + ", expecting its text back";
        }
        return "Proxyscope's canary on " + AddressText.withPort(reachAt.getAddress().getHostAddress(), reachAt.getPort())
                + (mailDomain == null ? "" : ", mail for " + mailDomain);
    }

    public boolean isExternal() {
        return externalUrl != null;
    }

    /** A fresh token for one probe. */
    public static String newToken() {
        return "pxc-" + HexFormat.of().formatHex(RandomBytes.of(16));
    }

    /** The reply body the canary sends for a token; a probe looks for it in what the target relays back. */
    public static String replyFor(String token) {
        return "proxyscope-canary " + token;
    }

    /**
     * Whether the relay of one probe is proven. The own canary looks for the token: at once when something came
     * back through the target (the canary had the token before it answered), for a moment of grace when nothing
     * did (a relay may deliver after it answered). The external mode looks for the known text in what came back.
     *
     * @param relayedBack what came back through the target; null or empty when nothing did
     * @return how it was proven, or empty when it was not
     */
    public Optional<CanaryProof> proof(String token, String relayedBack) throws InterruptedException {
        if (isExternal()) {
            return relayedBack != null && relayedBack.contains(expectedText)
                    ? Optional.of(new CanaryProof(expectedText, externalUrl.toString(), Instant.now(),
                            "the text of " + externalUrl + " came back through it"))
                    : Optional.empty();
        }
        return awaitToken(token, relayedBack == null || relayedBack.isEmpty() ? GRACE : Duration.ZERO);
    }

    /**
     * Whether {@code back}, what came back through the target, is conclusive: it holds this canary's reply to
     * the token, or it has become something the canary never sends (another service's greeting, another page).
     */
    public boolean answered(String back, String token) {
        if (back.isEmpty()) {
            return false;
        }
        if (isExternal()) {
            return back.contains(expectedText) || HttpMessages.complete(back, true);
        }
        return back.contains(replyFor(token)) || !couldBeHttpReply(back) || HttpMessages.complete(back, true);
    }

    private static boolean couldBeHttpReply(String back) {
        return back.length() < 5 ? "HTTP/".startsWith(back) : back.startsWith("HTTP/");
    }

    /**
     * Waits until the token has arrived or the timeout passes.
     *
     * @return the token's arrival, with the address it came from (the target's side of the relay), or empty
     */
    public Optional<CanaryProof> awaitToken(String token, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            CanaryProof arrival = arrivals.get(token);
            if (arrival != null) {
                return Optional.of(arrival);
            }
            Thread.sleep(5);
        }
        return Optional.ofNullable(arrivals.get(token));
    }

    /**
     * Opens a one-shot listener on the canary's address for one probe (FTP bounce points the target's data
     * connection at it): the first connection to it, and what it sends (up to 4 KiB), count as the token's
     * arrival. Closed with the canary, or by the probe when done.
     */
    public ServerSocket openDataPort(String token) throws IOException {
        if (isExternal()) {
            throw new IllegalStateException("The external canary cannot take data connections");
        }
        ServerSocket port = new ServerSocket();
        port.bind(new InetSocketAddress(reachAt.getAddress(), 0), 1);
        listeners.add(port);
        acceptors.add(NetworkThreads.start("proxyscope-canary-data", () -> {
            try (port; Socket client = port.accept(); InputStream in = client.getInputStream()) {
                client.setSoTimeout(5000);
                byte[] data = in.readNBytes(MAX_REQUEST);
                arrived(token, AddressText.of((InetSocketAddress) client.getRemoteSocketAddress()) + " (" + data.length
                        + " bytes of data)");
            } catch (IOException e) {
                // closed before anything connected, or the sender vanished: the probe decides from arrivals
            } finally {
                listeners.remove(port);
            }
        }));
        return port;
    }

    private void arrived(String token, String from) {
        arrivals.putIfAbsent(token, new CanaryProof(token, from, Instant.now(), "the canary received the token from " + from));
    }

    private static void accept(ServerSocket listener, java.util.function.Consumer<Socket> session) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                NetworkThreads.start("proxyscope-canary-session", () -> session.accept(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * Reads the whole request (head, and a body up to its Content-Length) before answering: a relay that
     * forwards the request line first and the headers after (tinyproxy does) fails its own write, and
     * reports an error instead of our reply, when the canary answers and closes in between.
     */
    private void serveHttp(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(5000);
            byte[] request = new byte[MAX_REQUEST];
            int length = 0;
            while (length < request.length
                    && !HttpMessages.complete(new String(request, 0, length, StandardCharsets.ISO_8859_1), false)) {
                int n;
                try {
                    n = in.read(request, length, request.length - length);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                length += n;
            }
            Matcher m = TOKEN.matcher(new String(request, 0, length, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                String token = m.group();
                arrived(token, AddressText.of((InetSocketAddress) client.getRemoteSocketAddress()));
                byte[] body = replyFor(token).getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            } else {
                out.write("HTTP/1.0 404 Not Found\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            // a client that vanished mid-request proves nothing either way
        }
    }

    /**
     * Closes every listener and waits until their ports are free again: a socket closed while a thread
     * waits in accept() is released only when that thread leaves, and the next run, binding the same port
     * (25 for mail), must not find it still taken.
     */
    @Override
    public void close() throws IOException {
        for (AutoCloseable listener : listeners) {
            try {
                listener.close();
            } catch (Exception e) {
                // closing the others matters more
            }
        }
        try {
            for (Thread acceptor : acceptors) {
                acceptor.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
