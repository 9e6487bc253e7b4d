package org.proxyscope.probe.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Optional;

import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.proxyscope.core.model.PortService;
import org.proxyscope.core.model.ServiceSignatures;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.PortSignals;
import org.proxyscope.probe.ProbeContext;
import org.proxyscope.probe.ProxyProbe;
import org.proxyscope.probe.ReplyWait;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;

/**
 * FTP bounce (the PORT command naming a third host): logs in anonymously, points the data connection at a
 * one-shot port of the canary and asks for a directory listing. Open only when the listing really arrives
 * at the canary from the target; a server that accepts PORT but never connects is unverified.
 */
public final class FtpBounceProbe implements ProxyProbe {

    @Override
    public String protocol() {
        return "ftp-bounce";
    }

    @Override
    public Finding probe(ProbeContext context) {
        Transcript transcript = new Transcript();
        Canary canary = context.canary();
        if (canary.isExternal()) {
            return finding(context, Verdict.ERROR, "FTP bounce needs Proxyscope's own canary to receive the data connection",
                    transcript);
        }
        InetAddress canaryAddress = canary.address().getAddress();
        if (!(canaryAddress instanceof Inet4Address)) {
            return finding(context, Verdict.ERROR, "PORT names IPv4 addresses only; the canary listens on "
                    + canaryAddress.getHostAddress(), transcript);
        }
        FTPClient ftp = new FTPClient();
        ftp.setSocketFactory(TranscribedSocket.factory(transcript, (int) context.timeout().toMillis(),
                new ReplyWait(context.signals(), protocol(), System.nanoTime() + context.timeout().toNanos() * 2)));
        ftp.setConnectTimeout((int) context.timeout().toMillis());
        String token = Canary.newToken();
        try {
            ftp.connect(context.target().getAddress(), context.port());
            String banner = reply(ftp);
            Optional<PortService> other = ServiceSignatures.identify(ftp.getReplyString()).filter(s -> !s.kind().equals("ftp"));
            if (other.isPresent()) {
                return finding(context, Verdict.NOT_A_PROXY, other.get().describe() + " answered, not an FTP server: " + banner,
                        transcript);
            }
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                return finding(context, Verdict.DENIED, "refuses sessions: " + banner, transcript);
            }
            if (!ftp.login("anonymous", "proxyscope@")) {
                if (unknownCommand(ftp.getReplyCode())) {
                    return finding(context, Verdict.NOT_A_PROXY, "banner " + banner + "; it does not know USER (" + reply(ftp)
                            + "): not an FTP server", transcript);
                }
                return finding(context, Verdict.AUTH_REQUIRED, "banner " + banner + "; anonymous login refused: " + reply(ftp),
                        transcript);
            }
            try (ServerSocket dataPort = canary.openDataPort(token)) {
                int code = ftp.port(canaryAddress, dataPort.getLocalPort());
                String port = "PORT " + canaryAddress.getHostAddress() + ":" + dataPort.getLocalPort();
                if (!FTPReply.isPositiveCompletion(code)) {
                    return finding(context, Verdict.DENIED, "banner " + banner + "; " + port + " refused: " + reply(ftp), transcript);
                }
                code = ftp.list();
                if (!FTPReply.isPositivePreliminary(code)) {
                    return RelayProbe.verdict(context, protocol(), token, "banner " + banner + "; " + port + " accepted, LIST answered "
                            + reply(ftp), null, true, transcript);
                }
                ftp.completePendingCommand();
                return RelayProbe.verdict(context, protocol(), token, "banner " + banner + "; " + port
                        + " accepted and a listing sent", null, true, transcript);
            }
        } catch (ConnectException | NoRouteToHostException e) {
            return finding(context, Verdict.NO_SERVICE, "nothing listens: " + e.getMessage(), transcript);
        } catch (MalformedServerReplyException e) {
            return finding(context, Verdict.NOT_A_PROXY, "not FTP: " + e.getMessage(), transcript);
        } catch (IOException e) {
            // FTPClient reports a timeout while it waits for the greeting as a plain IOException caused by it
            IOException reason = e.getCause() instanceof SocketTimeoutException timeout ? timeout : e;
            if (reason instanceof PortSignals.SilentPortException) {
                transcript.note(reason.getMessage());
                return finding(context, Verdict.NOT_A_PROXY, "no FTP greeting: " + reason.getMessage(), transcript);
            }
            if (reason instanceof SocketTimeoutException) {
                return finding(context, Verdict.TIMEOUT, "no FTP dialogue within the deadline", transcript);
            }
            return finding(context, Verdict.NOT_A_PROXY, "the FTP dialogue failed: " + e.getMessage(), transcript);
        } finally {
            TranscribedSocket.disconnect(ftp);
        }
    }

    private Finding finding(ProbeContext context, Verdict verdict, String detail, Transcript transcript) {
        return new Finding(context.port(), protocol(), verdict, detail, transcript);
    }

    /** 500 and 502: a command the server does not know (RFC 959 and RFC 5321 alike), what another service says to USER or HELO. */
    static boolean unknownCommand(int code) {
        return code == 500 || code == 502;
    }

    private static String reply(FTPClient ftp) {
        return TranscribedSocket.lastReply(ftp.getReplyString());
    }
}
