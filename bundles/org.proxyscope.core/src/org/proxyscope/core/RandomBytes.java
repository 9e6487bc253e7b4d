package org.proxyscope.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Unpredictable bytes read straight from the kernel's random source, {@code /dev/urandom}, which is what
 * {@link SecureRandom}'s default provider reads on Linux as well. A command's first SecureRandom costs it
 * about 30 ms (the security provider framework and the method handles its reflection spins at run time), a
 * sixth of a short command's whole run. Where there is no such device, SecureRandom is used after all.
 */
public final class RandomBytes {

    private static final Path KERNEL = Path.of("/dev/urandom");

    private RandomBytes() {
    }

    public static byte[] of(int count) {
        byte[] bytes = new byte[count];
        try (InputStream in = Files.newInputStream(KERNEL)) {
            if (in.readNBytes(bytes, 0, count) == count) {
                return bytes;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no kernel source here: the provider framework's
        }
        Fallback.RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Created only when needed, so that its start-up cost is paid only where the device is missing. */
    private static final class Fallback {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
