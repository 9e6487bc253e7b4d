package org.proxyscope.probe.internal;

import java.io.IOException;
import java.util.Locale;

import org.proxyscope.core.model.ServiceSignatures;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.ProbeConnection;
import org.proxyscope.probe.Verdict;

/**
 * WinGate-style telnet relay: the service greets with a prompt ("WinGate&gt;" or a bare "&gt;"), takes
 * {@code host:port} on a line and then pipes bytes. Trojan proxies copy this interface, so the probe
 * recognises any such prompt, not only WinGate's own banner.
 */
public final class WinGateProbe extends RelayProbe {

    @Override
    public String protocol() {
        return "wingate";
    }

    @Override
    Outcome exchange(ProbeConnection connection, Canary canary, String token) throws IOException {
        // a prompt ends the banner; so does a whole line that another service's greeting (SMTP's, FTP's) fills
        String banner = connection.readUntil(seen -> seen.stripTrailing().endsWith(">") || seen.stripTrailing().endsWith(":")
                || seen.endsWith("\n") && ServiceSignatures.identify(seen).filter(s -> !s.kind().equals("relay-prompt")).isPresent());
        String lower = banner.toLowerCase(Locale.ROOT).strip();
        if (!(lower.endsWith(">") || lower.contains("wingate"))) {
            return new Answered(Verdict.NOT_A_PROXY, banner.isEmpty() ? "no prompt" : ServiceSignatures.identify(banner)
                    .map(s -> s.describe() + " answered: no WinGate-style prompt").orElse("no WinGate-style prompt"));
        }
        connection.send(canary.host() + ":" + canary.address().getPort() + "\r\n");
        String answer = connection.readUntil("\n");
        String said = answer.toLowerCase(Locale.ROOT);
        if (said.contains("refused") || said.contains("denied") || said.contains("not allowed")) {
            return new Answered(Verdict.DENIED, "prompt \"" + banner.strip() + "\", then: " + answer.strip());
        }
        connection.send(tokenRequest(canary, token));
        String relayed = readTunnel(connection, canary, token);
        return new Relayed("prompt \"" + banner.strip() + "\"" + (answer.isBlank() ? "" : ", then: " + answer.strip())
                + cameBack(relayed, token), relayed, true);
    }
}
