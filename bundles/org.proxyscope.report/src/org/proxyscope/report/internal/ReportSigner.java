package org.proxyscope.report.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import org.proxyscope.report.ReportException;
import org.proxyscope.report.SigningKey;

/**
 * Signs a finished report. The implementation ({@link PdfSigner}) needs Bouncy Castle and is looked up by name
 * only when a report is to be signed: the command line puts Bouncy Castle's jars on its class path only for
 * {@code --sign}, since they are signed jars, and a class of theirs linked at start-up cost every command
 * 0.2 s of signature checking.
 */
public interface ReportSigner {

    /** Who signs, as the key's certificate names them. */
    String signer();

    /** Writes {@code unsigned} to {@code signed} with the signature added. */
    void sign(Path unsigned, Path signed, String reason) throws IOException, ReportException;

    /** Opens the key file; every failure says which file and what to do. */
    static ReportSigner open(SigningKey key) throws ReportException {
        try {
            return (ReportSigner) Class.forName("org.proxyscope.report.internal.PdfSigner", true, ReportSigner.class.getClassLoader())
                    .getMethod("open", SigningKey.class).invoke(null, key);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ReportException refused) {
                throw refused;
            }
            throw new ReportException("Cannot sign with " + key.file() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ReportException("Signing needs Bouncy Castle (bcpkix, bcprov, bcutil), which this installation lacks: " + e, e);
        }
    }
}
