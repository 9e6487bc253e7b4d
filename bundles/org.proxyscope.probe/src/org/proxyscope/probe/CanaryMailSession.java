package org.proxyscope.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.model.AddressText;

/**
 * One SMTP session on the canary's mail listener. It takes mail for the canary domain only, never relays,
 * and counts a token as arrived when a whole message (DATA through the final dot) naming it was received:
 * a relay that accepts RCPT but never delivers proves nothing. Written here because a receive-only
 * listener is a few dozen lines of RFC 5321, while a mail server library would bring a relaying engine
 * this listener must not have.
 */
final class CanaryMailSession {

    private static final int MAX_LINE = 1000;
    private static final int MAX_MESSAGE = 64 * 1024;
    private static final int MAX_COMMANDS = 200;

    private final Socket client;
    private final String domain;
    private final Pattern token;
    private final BiConsumer<String, String> arrived;
    private final List<String> recipients = new ArrayList<>();

    CanaryMailSession(Socket client, String domain, Pattern token, BiConsumer<String, String> arrived) {
        this.client = client;
        this.domain = domain;
        this.token = token;
        this.arrived = arrived;
    }

    void run() {
        // buffered: the session reads a byte at a time, and each read on the bare socket is a system call
        try (client; InputStream in = new BufferedInputStream(client.getInputStream()); OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(10_000);
            reply(out, "220 " + domain + " Proxyscope canary, receive only");
            for (int i = 0; i < MAX_COMMANDS; i++) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "HELO", "EHLO", "NOOP" -> reply(out, "250 " + domain);
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 sender noted");
                    }
                    case "RCPT" -> reply(out, recipient(line) ? "250 recipient accepted" : "550 only mail for " + domain + " is taken here");
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 no recipient yet");
                        } else {
                            reply(out, "354 end with a dot on a line of its own");
                            String message = readMessage(in);
                            if (message == null) {
                                return; // cut off or too long: not a delivered message
                            }
                            received(message);
                            reply(out, "250 received");
                        }
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 reset");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not offered by the canary");
                }
            }
        } catch (IOException e) {
            // a sender that vanished delivered nothing
        }
    }

    private boolean recipient(String line) {
        int open = line.indexOf('<');
        int close = line.lastIndexOf('>');
        String address = open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).strip();
        if (!address.toLowerCase(Locale.ROOT).endsWith("@" + domain)) {
            return false;
        }
        recipients.add(address);
        return true;
    }

    private void received(String message) {
        String from = AddressText.of((InetSocketAddress) client.getRemoteSocketAddress()) + " (mail to " + String.join(", ", recipients)
                + ")";
        Matcher m = token.matcher(String.join(" ", recipients) + "\n" + message);
        while (m.find()) {
            arrived.accept(m.group(), from);
        }
        recipients.clear();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One command line without its CRLF, or null at the end of the stream or on an overlong line. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            if (line.size() >= MAX_LINE) {
                return null;
            }
            line.write(c);
        }
        return null;
    }

    /** The message through the line holding a single dot, or null when it is cut off or too long. */
    private static String readMessage(InputStream in) throws IOException {
        StringBuilder message = new StringBuilder();
        while (message.length() < MAX_MESSAGE) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.equals(".")) {
                return message.toString();
            }
            message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
        }
        return null;
    }
}
