package org.proxyscope.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.proxyscope.core.NetworkThreads;
import org.proxyscope.core.model.PortService;
import org.proxyscope.core.model.ServiceSignatures;
import org.proxyscope.probe.internal.FtpBounceProbe;
import org.proxyscope.probe.internal.HttpConnectProbe;
import org.proxyscope.probe.internal.HttpGetProbe;
import org.proxyscope.probe.internal.HttpPostProbe;
import org.proxyscope.probe.internal.SmtpRelayProbe;
import org.proxyscope.probe.internal.SocksProbe;
import org.proxyscope.probe.internal.WinGateProbe;

/**
 * Probes one host: a TCP connect scan of the requested ports, then every requested protocol on each open
 * port, on network threads (virtual ones in the workbench) with bounded concurrency and deadlines.
 * Every port is checked against the authorised scope before anything is sent.
 */
public final class Prober {

    static final String SCAN_TIMEOUT = "no answer to the TCP connect";
    private static final int CONCURRENCY = 64;

    private final Map<String, ProxyProbe> probes = new LinkedHashMap<>();

    public Prober(List<ProxyProbe> probes) {
        probes.forEach(p -> this.probes.put(p.protocol(), p));
    }

    /** HTTP CONNECT, GET and POST, SOCKS4, SOCKS4a, SOCKS5, WinGate-style telnet, SMTP relay and FTP bounce. */
    public static List<ProxyProbe> builtIn() {
        return List.of(new HttpConnectProbe(), new HttpGetProbe(), new HttpPostProbe(),
                new SocksProbe(SocksProbe.Version.SOCKS4), new SocksProbe(SocksProbe.Version.SOCKS4A),
                new SocksProbe(SocksProbe.Version.SOCKS5), new WinGateProbe(), new SmtpRelayProbe(), new FtpBounceProbe());
    }

    public List<String> protocols() {
        return List.copyOf(probes.keySet());
    }

    /**
     * Runs the probes. {@code progress} sees each finding as it arrives (on a probe's thread).
     *
     * @throws ProbeRefusedException when a port lies outside the scope, or a protocol is unknown; nothing was sent
     */
    public ProbeReport run(ProbeRequest request, Canary canary, Consumer<Finding> progress)
            throws ProbeRefusedException, InterruptedException {
        request.checkScope();
        List<ProxyProbe> chosen = new ArrayList<>();
        for (String protocol : request.protocols()) {
            ProxyProbe probe = probes.get(protocol);
            if (probe == null) {
                throw new ProbeRefusedException("Unknown protocol " + protocol + "; known: " + String.join(", ", probes.keySet()));
            }
            chosen.add(probe);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(request.host().name());
        } catch (UnknownHostException e) {
            throw new ProbeRefusedException("Cannot resolve " + request.host() + ": " + e.getMessage());
        }
        Instant started = Instant.now();
        long start = System.nanoTime();
        long deadline = start + request.overall().toNanos();
        List<Finding> findings = new ArrayList<>();
        Semaphore slots = new Semaphore(CONCURRENCY);
        try (ExecutorService threads = NetworkThreads.perTask("proxyscope-probe")) {
            // A port's probes start as soon as its own scan finds it open, from the scan's thread: handing them
            // out in port order would hold every port behind the slowest scan before it.
            Map<Integer, Future<List<Future<Finding>>>> ports = new LinkedHashMap<>();
            for (int port : request.ports()) {
                InetSocketAddress target = new InetSocketAddress(address, port);
                ports.put(port, threads.submit(() -> {
                    Optional<Finding> closed = bounded(slots, () -> scan(target, request.timeout()));
                    List<Future<Finding>> probes = new ArrayList<>();
                    PortSignals signals = new PortSignals();
                    for (ProxyProbe probe : chosen) {
                        if (closed.isPresent()) {
                            Finding f = new Finding(port, probe.protocol(), closed.get().verdict(), closed.get().detail(),
                                    closed.get().transcript());
                            progress.accept(f);
                            probes.add(CompletableFuture.completedFuture(f));
                            continue;
                        }
                        ProbeContext context = new ProbeContext(target, canary, request.timeout(), probe.protocol(), signals);
                        probes.add(threads.submit(() -> bounded(slots, () -> {
                            Finding f = guarded(probe, context);
                            progress.accept(f);
                            return f;
                        })));
                    }
                    return probes;
                }));
            }
            for (Map.Entry<Integer, Future<List<Future<Finding>>>> scan : ports.entrySet()) {
                int port = scan.getKey();
                Optional<List<Future<Finding>>> probes = await(scan.getValue(), deadline);
                for (int i = 0; i < chosen.size(); i++) {
                    String protocol = chosen.get(i).protocol();
                    if (probes.isEmpty()) {
                        findings.add(new Finding(port, protocol, Verdict.TIMEOUT, SCAN_TIMEOUT, new Transcript()));
                        continue;
                    }
                    Future<Finding> probe = probes.get().get(i);
                    findings.add(await(probe, deadline).orElseGet(() -> {
                        probe.cancel(true);
                        return new Finding(port, protocol, Verdict.TIMEOUT, "the run's overall deadline passed",
                                new Transcript());
                    }));
                }
            }
            threads.shutdownNow();
        }
        findings.sort(Comparator.comparingInt(Finding::port).thenComparingInt(f -> request.protocols().indexOf(f.protocol())));
        return new ProbeReport(request.host().name(), started, Duration.ofNanos(System.nanoTime() - start), named(findings),
                request.scope());
    }

    /** The kind of service a relay verdict of each built-in protocol shows, when no reply names the software. */
    private static final Map<String, String> KIND_OF = Map.of("http-connect", "http-proxy", "http-get", "http-proxy",
            "http-post", "http-proxy", "socks4", "socks-proxy", "socks4a", "socks-proxy", "socks5", "socks-proxy",
            "wingate", "relay-prompt", "smtp-relay", "smtp", "ftp-bounce", "ftp");

    /**
     * The findings, each with its port's service: the software a reply of any probe of the port names, else
     * the kind a relay verdict shows (a SOCKS grant names no software), else the kind a reply tells.
     */
    static List<Finding> named(List<Finding> findings) {
        Map<Integer, String> services = new LinkedHashMap<>();
        Map<Integer, List<Finding>> byPort = new LinkedHashMap<>();
        findings.forEach(f -> byPort.computeIfAbsent(f.port(), p -> new ArrayList<>()).add(f));
        byPort.forEach((port, found) -> {
            Optional<PortService> replies = ServiceSignatures.best(found.stream().map(f -> f.transcript().targetReplies()).toList());
            Optional<PortService> service = replies.filter(s -> !s.product().isEmpty())
                    .or(() -> found.stream().filter(f -> f.verdict().isRelayAnswer() && KIND_OF.containsKey(f.protocol()))
                            .map(f -> PortService.ofKind(KIND_OF.get(f.protocol()))).findFirst())
                    .or(() -> replies);
            services.put(port, service.map(PortService::label).orElse(""));
        });
        return findings.stream().map(f -> f.withService(services.get(f.port()))).toList();
    }

    /**
     * Runs one probe; a probe that breaks (a defect, or a plug-in missing a library) becomes an error
     * finding that names the failure, and the other probes of the run go on.
     */
    private static Finding guarded(ProxyProbe probe, ProbeContext context) {
        try {
            return probe.probe(context);
        } catch (RuntimeException | LinkageError e) {
            return new Finding(context.port(), probe.protocol(), Verdict.ERROR,
                    "the " + probe.protocol() + " probe failed: " + e, new Transcript());
        }
    }

    /** Empty when the port accepts connections; otherwise the finding that says why not. */
    private static Optional<Finding> scan(InetSocketAddress target, Duration timeout) {
        Transcript transcript = new Transcript();
        try (Socket socket = new Socket()) {
            socket.connect(target, (int) timeout.toMillis());
            return Optional.empty();
        } catch (ConnectException e) {
            return Optional.of(new Finding(target.getPort(), "tcp", Verdict.NO_SERVICE, "connection refused", transcript));
        } catch (SocketTimeoutException e) {
            return Optional.of(new Finding(target.getPort(), "tcp", Verdict.TIMEOUT, SCAN_TIMEOUT, transcript));
        } catch (IOException e) {
            return Optional.of(new Finding(target.getPort(), "tcp", Verdict.NO_SERVICE, e.getMessage(), transcript));
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T bounded(Semaphore slots, Work<T> work) throws Exception {
        slots.acquire();
        try {
            return work.run();
        } finally {
            slots.release();
        }
    }

    private static <T> Optional<T> await(Future<T> future, long deadline) throws InterruptedException {
        try {
            return Optional.of(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A probe failed unexpectedly", e.getCause());
        }
    }
}
