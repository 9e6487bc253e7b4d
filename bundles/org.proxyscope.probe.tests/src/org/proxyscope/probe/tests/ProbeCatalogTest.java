package org.proxyscope.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeCatalog;
import org.proxyscope.probe.ProbeContext;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.ProbeRequest;
import org.proxyscope.probe.ProxyProbe;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;

/**
 * The probe catalog as the workbench sees it: a Declarative Services component in this OSGi runtime that
 * takes in a probe another plug-in registers as a service, runs it like a built-in one, and lets it go
 * when the plug-in does.
 */
class ProbeCatalogTest {

    /** What an extra plug-in might add: here it only checks the target greets with a known word. */
    private static final class GreetingProbe implements ProxyProbe {
        @Override
        public String protocol() {
            return "greeting";
        }

        @Override
        public Finding probe(ProbeContext context) {
            Transcript transcript = new Transcript();
            try (var connection = context.connect(transcript)) {
                String greeting = connection.readUntil("\n");
                return new Finding(context.port(), protocol(), greeting.startsWith("HELLO") ? Verdict.DENIED : Verdict.NOT_A_PROXY, "greeted with " + greeting.strip(), transcript);
            } catch (IOException e) {
                return new Finding(context.port(), protocol(), Verdict.ERROR, e.getMessage(), transcript);
            }
        }
    }

    @Test
    void aProbeServiceFromAnotherPlugInJoinsAndLeavesTheCatalog() throws Exception {
        BundleContext bundles = FrameworkUtil.getBundle(ProbeCatalog.class).getBundleContext();
        ServiceTracker<ProbeCatalog, ProbeCatalog> tracker = new ServiceTracker<>(bundles, ProbeCatalog.class, null);
        tracker.open();
        ProbeCatalog catalog = tracker.waitForService(10_000);
        assertNotNull(catalog, "the DS runtime registers the probe catalog");
        assertSame(catalog, ProbeCatalog.current(), "the command line's catalog is the registry-fed one inside OSGi");
        assertEquals(List.of("http-connect", "http-get", "http-post", "socks4", "socks4a", "socks5", "wingate", "smtp-relay",
                "ftp-bounce"), catalog.prober().protocols());

        ServiceRegistration<ProxyProbe> plugIn = bundles.registerService(ProxyProbe.class, new GreetingProbe(), null);
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Canary canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 2; i++) { // the prober's port scan, then the probe
                    try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
                        client.getOutputStream().write("HELLO from the test\n".getBytes());
                        in.read();
                    } catch (IOException e) {
                        // the scan hangs up at once
                    }
                }
            });
            assertTrue(catalog.prober().protocols().contains("greeting"));
            Host host = Host.parse("127.0.0.1");
            ProbeReport report = catalog.prober().run(new ProbeRequest(host, List.of(server.getLocalPort()), List.of("greeting"),
                    Duration.ofSeconds(2), Duration.ofSeconds(10), Scope.targetOnly(host)), canary, f -> { });
            Finding f = report.findings().get(0);
            assertEquals("greeting", f.protocol());
            assertEquals("greeted with HELLO from the test", f.detail());
        } finally {
            plugIn.unregister();
        }
        assertFalse(catalog.prober().protocols().contains("greeting"), "the plug-in's probe leaves with it");
        tracker.close();
    }
}
