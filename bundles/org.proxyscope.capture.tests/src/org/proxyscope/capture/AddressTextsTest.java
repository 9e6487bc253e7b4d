package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One import's address texts, shared by the threads that write its JSON, search entries and rows. */
class AddressTextsTest {

    @Test
    void threadsAskingAtOnceGetOneTextPerAddress() throws Exception {
        AddressTexts texts = new AddressTexts();
        List<InetAddress> clients = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            clients.add(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
        }
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> seen = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Callable<List<String>> asks = () -> {
                    List<String> hosts = new ArrayList<>(clients.size());
                    for (InetAddress a : clients) {
                        hosts.add(texts.host(a));
                    }
                    return hosts;
                };
                seen.add(threads.submit(asks));
            }
            List<String> first = seen.get(0).get();
            for (int i = 0; i < clients.size(); i++) {
                assertEquals(clients.get(i).getHostAddress(), first.get(i));
                for (Future<List<String>> other : seen) {
                    assertSame(first.get(i), other.get().get(i), "one text for " + clients.get(i));
                }
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void anEndpointBeginsAsItsAddressIsWrittenWithAPort() throws Exception {
        AddressTexts texts = new AddressTexts();
        assertEquals("192.0.2.7:", texts.beforePort(InetAddress.getByName("192.0.2.7")));
        assertEquals("[2001:db8::7]:1080", texts.endpoint(InetAddress.getByName("2001:db8:0:0:0:0:0:7"), 1080));
        assertEquals("2001:db8::7", texts.host(InetAddress.getByName("2001:db8::7")));
    }
}
