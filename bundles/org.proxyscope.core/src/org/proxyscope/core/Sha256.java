package org.proxyscope.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.List;

/**
 * SHA-256 for bulk data: evidence files and captures.
 * <p>
 * Java's own SHA-256 is fast only once C2 compiles it, because its SHA instructions are C2 intrinsics. The
 * workbench and the command line run on C1 alone, which starts them sooner and leaves both cores to the work,
 * so the launcher asks for Mozilla NSS's SHA-256 through Java's PKCS#11 provider instead
 * ({@value #PROPERTY}={@value #NSS}): 1.3 GB/s, where Java's reaches 80 MB/s without C2. Without NSS (Debian:
 * libnss3), Java's is used.
 */
public final class Sha256 {

    /** System property naming the implementation; {@value #NSS} asks for NSS's. */
    public static final String PROPERTY = "proxyscope.sha256";
    public static final String NSS = "nss";

    private Sha256() {
    }

    /** A new digest; NSS's when {@value #PROPERTY} asks for it and NSS can be loaded, else Java's own. */
    public static MessageDigest newDigest() {
        try {
            Provider nss = NSS.equals(System.getProperty(PROPERTY)) ? NssProvider.INSTANCE : null;
            return nss == null ? MessageDigest.getInstance("SHA-256") : MessageDigest.getInstance("SHA-256", nss);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256", e);
        }
    }

    /** NSS through the PKCS#11 provider, set up on first use (0.2 s) and kept; null when it cannot be. */
    private static final class NssProvider {
        static final Provider INSTANCE = load();

        private static Provider load() {
            Provider pkcs11 = Security.getProvider("SunPKCS11");
            if (pkcs11 == null) {
                return unavailable("this Java runtime has no PKCS#11 provider");
            }
            String multiarch = switch (System.getProperty("os.arch")) {
                case "amd64" -> "x86_64-linux-gnu";
                case "aarch64" -> "aarch64-linux-gnu";
                default -> System.getProperty("os.arch") + "-linux-gnu";
            };
            for (String folder : List.of("/usr/lib/" + multiarch, "/usr/lib64", "/usr/lib")) {
                if (Files.isRegularFile(Path.of(folder, "libsoftokn3.so"))) {
                    try {
                        // no database: only NSS's algorithms are wanted, no keys or certificates
                        return pkcs11.configure("--name=proxyscope-nss\nnssLibraryDirectory=" + folder
                                + "\nnssDbMode=noDb\nattributes=compatibility\n");
                    } catch (RuntimeException e) {
                        return unavailable("NSS in " + folder + " cannot be loaded: " + e.getMessage());
                    }
                }
            }
            return unavailable("NSS is not installed (Debian: libnss3)");
        }

        /** Java's own digest is used then: slower, never wrong; the log says why. */
        private static Provider unavailable(String why) {
            System.getLogger(Sha256.class.getName()).log(System.Logger.Level.WARNING,
                    "Hashing with Java's own SHA-256, which is slow without C2, because " + why);
            return null;
        }
    }
}
