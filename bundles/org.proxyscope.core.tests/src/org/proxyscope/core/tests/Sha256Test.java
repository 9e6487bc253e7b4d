package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proxyscope.core.Sha256;

/**
 * The workbench hashes evidence with NSS's SHA-256 (releng/test.sh installs libnss3, as a user's desktop has
 * it); it must give Java's results for every way the importers feed it.
 */
class Sha256Test {

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @AfterEach
    void javaOwnAgain() {
        System.clearProperty(Sha256.PROPERTY);
    }

    @Test
    void withoutThePropertyJavaOwnIsUsed() {
        assertEquals("SUN", Sha256.newDigest().getProvider().getName());
    }

    @Test
    void nssWhenAskedForMatchesJavaOverArraysAndBuffers() throws GeneralSecurityException {
        System.setProperty(Sha256.PROPERTY, Sha256.NSS);
        MessageDigest nss = Sha256.newDigest();
        assertTrue(nss.getProvider().getName().contains("proxyscope-nss"), nss.getProvider().getName());
        assertEquals(EMPTY, HexFormat.of().formatHex(nss.digest()), "the digest of nothing");

        byte[] data = new byte[3 * 65536 + 17];
        new Random(2026).nextBytes(data);
        byte[] expected = MessageDigest.getInstance("SHA-256", "SUN").digest(data);
        for (int piece : new int[] { 1, 63, 64, 4096, 65536, 1 << 20 }) {
            // arrays in pieces, as evidence import reads them, and the digest is ready again after each result
            for (int at = 0; at < data.length; at += piece) {
                nss.update(data, at, Math.min(piece, data.length - at));
            }
            assertArrayEquals(expected, nss.digest(), "arrays in pieces of " + piece);

            // native buffers, as a capture import's reads arrive, and heap buffers
            for (ByteBuffer buffer : new ByteBuffer[] { ByteBuffer.allocateDirect(data.length), ByteBuffer.allocate(data.length) }) {
                buffer.put(data).flip();
                while (buffer.hasRemaining()) {
                    nss.update(buffer.slice(buffer.position(), Math.min(piece, buffer.remaining())));
                    buffer.position(Math.min(buffer.limit(), buffer.position() + piece));
                }
                assertArrayEquals(expected, nss.digest(), (buffer.isDirect() ? "native" : "heap") + " buffers of " + piece);
            }
        }
        nss.update(data, 0, 100);
        nss.reset();
        assertEquals(EMPTY, HexFormat.of().formatHex(nss.digest()), "reset forgets what came before");
    }
}
