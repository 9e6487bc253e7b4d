package org.proxyscope.probe.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.ProbeConnection;
import org.proxyscope.probe.Verdict;

/**
 * SOCKS 4, 4a and 5 (RFC 1928, 1929): asks for a connection to the canary, then sends the token through it.
 * SOCKS5 offers "no authentication" and "username/password" so the reply tells which the proxy wants.
 */
public final class SocksProbe extends RelayProbe {

    /** Which SOCKS dialect. */
    public enum Version {
        SOCKS4("socks4"), SOCKS4A("socks4a"), SOCKS5("socks5");

        final String protocol;

        Version(String protocol) {
            this.protocol = protocol;
        }
    }

    private final Version version;

    public SocksProbe(Version version) {
        this.version = version;
    }

    @Override
    public String protocol() {
        return version.protocol;
    }

    @Override
    Outcome exchange(ProbeConnection connection, Canary canary, String token) throws IOException {
        Outcome handshake = version == Version.SOCKS5 ? socks5(connection, canary.address()) : socks4(connection, canary);
        if (handshake != null) {
            return handshake;
        }
        connection.send(tokenRequest(canary, token));
        String reply = readTunnel(connection, canary, token);
        return new Relayed(version.protocol + " request granted" + cameBack(reply, token), reply, true);
    }

    /** @return null when the tunnel is open, otherwise the proxy's answer */
    private Outcome socks4(ProbeConnection connection, Canary reach) throws IOException {
        InetSocketAddress canary = reach.address();
        if (!(canary.getAddress() instanceof Inet4Address)) {
            return new Answered(Verdict.ERROR, version.protocol + " reaches IPv4 only; the canary listens on "
                    + canary.getAddress().getHostAddress());
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(4);
        request.write(1); // CONNECT
        request.write(canary.getPort() >> 8);
        request.write(canary.getPort() & 0xff);
        if (version == Version.SOCKS4A) {
            request.writeBytes(new byte[] {0, 0, 0, 1}); // 0.0.0.x: the proxy resolves the name that follows
        } else {
            request.writeBytes(canary.getAddress().getAddress());
        }
        request.writeBytes("proxyscope".getBytes(StandardCharsets.US_ASCII));
        request.write(0);
        if (version == Version.SOCKS4A) {
            request.writeBytes(reach.host().getBytes(StandardCharsets.US_ASCII));
            request.write(0);
        }
        connection.send(request.toByteArray());
        byte[] reply = connection.read(8);
        if (reply.length < 8 || reply[0] != 0) {
            return new Answered(Verdict.NOT_A_PROXY, reply.length == 0 ? "no reply to the " + version.protocol + " request"
                    : "the reply is not " + version.protocol);
        }
        return switch (reply[1] & 0xff) {
            case 0x5a -> null;
            case 0x5b -> new Answered(Verdict.DENIED, version.protocol + " request rejected (0x5b)");
            case 0x5c, 0x5d -> new Answered(Verdict.AUTH_REQUIRED, version.protocol + " wants an ident user (0x"
                    + Integer.toHexString(reply[1] & 0xff) + ")");
            default -> new Answered(Verdict.NOT_A_PROXY, "unknown " + version.protocol + " reply code 0x"
                    + Integer.toHexString(reply[1] & 0xff));
        };
    }

    private Outcome socks5(ProbeConnection connection, InetSocketAddress canary) throws IOException {
        connection.send(new byte[] {5, 2, 0, 2}); // offers: no authentication, username/password
        byte[] method = connection.read(2);
        if (method.length < 2 || method[0] != 5) {
            return new Answered(Verdict.NOT_A_PROXY, method.length == 0 ? "no reply to the socks5 greeting"
                    : "the reply is not socks5");
        }
        switch (method[1] & 0xff) {
            case 0:
                break;
            case 2:
                return new Answered(Verdict.AUTH_REQUIRED, "socks5 requires username/password");
            case 0xff:
                return new Answered(Verdict.DENIED, "socks5 accepts no method Proxyscope offered (no acceptable method)");
            default:
                return new Answered(Verdict.AUTH_REQUIRED, "socks5 wants authentication method " + (method[1] & 0xff));
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(new byte[] {5, 1, 0});
        request.write(canary.getAddress() instanceof Inet6Address ? 4 : 1);
        request.writeBytes(canary.getAddress().getAddress());
        request.write(canary.getPort() >> 8);
        request.write(canary.getPort() & 0xff);
        connection.send(request.toByteArray());
        byte[] reply = connection.read(4);
        if (reply.length < 4 || reply[0] != 5) {
            return new Answered(Verdict.NOT_A_PROXY, "the reply to the socks5 CONNECT is not socks5");
        }
        int code = reply[1] & 0xff;
        if (code == 2 || code == 7 || code == 8) {
            return new Answered(Verdict.DENIED, "socks5 CONNECT refused with reply code " + code + " (" + socks5Reason(code) + ")");
        }
        if (code != 0) {
            // it tried to connect for us: a relay, but one whose reach to the canary is not proven
            return new Answered(Verdict.UNVERIFIED, "socks5 accepted the CONNECT but could not reach the canary: reply code "
                    + code + " (" + socks5Reason(code) + ")");
        }
        int addressLength = switch (reply[3]) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> connection.read(1)[0] & 0xff;
            default -> 0;
        };
        connection.read(addressLength + 2); // the bound address and port
        return null;
    }

    private static String socks5Reason(int code) {
        return switch (code) {
            case 1 -> "general failure";
            case 2 -> "not allowed by ruleset";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "unassigned";
        };
    }
}
