package org.proxyscope.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfSignature;
import org.openpdf.text.pdf.PdfSignatureAppearance;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfString;
import org.proxyscope.report.ReportException;
import org.proxyscope.report.SigningKey;

/**
 * Signs a finished report with the analyst's PKCS#12 key: an invisible PDF signature
 * ({@code adbe.pkcs7.detached}) over the whole file, a CMS SignedData made by Bouncy Castle with SHA-256 and
 * the key's certificate chain, which readers and poppler's {@code pdfsig} verify.
 */
public final class PdfSigner implements ReportSigner {

    /** Room kept for the CMS blob; a chain of a few certificates fits with margin. */
    private static final int SIGNATURE_ROOM = 24 * 1024;

    private final PrivateKey key;
    private final Certificate[] chain;
    private final String signer;

    private PdfSigner(PrivateKey key, Certificate[] chain) {
        this.key = key;
        this.chain = chain;
        this.signer = ((X509Certificate) chain[0]).getSubjectX500Principal().getName();
    }

    /** Opens the key file; every failure says which file and what to do. */
    public static PdfSigner open(SigningKey signingKey) throws ReportException {
        Path file = signingKey.file();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, signingKey.password());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, signingKey.password());
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (key != null && chain != null && chain.length > 0 && chain[0] instanceof X509Certificate) {
                        return new PdfSigner(key, chain);
                    }
                }
            }
            throw new ReportException("The key file " + file + " holds no private key with a certificate to sign with");
        } catch (NoSuchFileException e) {
            throw new ReportException("There is no key file " + file);
        } catch (AccessDeniedException e) {
            throw new ReportException("Cannot read the key file " + file + ": permission denied");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new ReportException("The key file " + file + " does not open with this password (or is not PKCS#12)");
            }
            // the key store's own words are often none ("null") or DER's ("rejects tag type 0")
            throw new ReportException("The key file " + file + " is not a PKCS#12 key store (.p12 or .pfx, as openssl pkcs12"
                    + " -export writes it)", e);
        } catch (GeneralSecurityException e) {
            throw new ReportException("The key file " + file + " cannot be used to sign: " + e.getMessage(), e);
        }
    }

    @Override
    public String signer() {
        return signer;
    }

    /** Adds the signature as an incremental update. */
    @Override
    public void sign(Path unsigned, Path signed, String reason) throws IOException, ReportException {
        try (PdfReader reader = new PdfReader(unsigned.toString()); OutputStream out = Files.newOutputStream(signed)) {
            PdfStamper stamper = PdfStamper.createSignature(reader, out, null);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            appearance.setSignDate(now);
            appearance.setReason(reason);
            appearance.setCrypto(null, chain, null, PdfSignatureAppearance.SELF_SIGNED);
            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName("adbe.pkcs7.detached"));
            dictionary.setReason(reason);
            dictionary.setDate(new PdfDate(now));
            dictionary.setName(signer);
            appearance.setCryptoDictionary(dictionary);
            Map<PdfName, Integer> room = new HashMap<>();
            room.put(PdfName.CONTENTS, SIGNATURE_ROOM * 2 + 2);
            appearance.preClose(room);
            byte[] cms = cms(appearance.getRangeStream().readAllBytes());
            if (cms.length > SIGNATURE_ROOM) {
                throw new ReportException("The signature with this key's certificate chain (" + cms.length + " bytes) does not fit in "
                        + SIGNATURE_ROOM + " bytes");
            }
            PdfDictionary update = new PdfDictionary();
            update.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(cms, SIGNATURE_ROOM)).setHexWriting(true));
            appearance.close(update);
        } catch (DocumentException e) {
            throw new IOException("the PDF library could not sign the report: " + e.getMessage(), e);
        }
    }

    private byte[] cms(byte[] content) throws ReportException {
        try {
            String algorithm = "SHA256with" + ("EC".equals(key.getAlgorithm()) ? "ECDSA" : key.getAlgorithm());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key), (X509Certificate) chain[0]));
            generator.addCertificates(new JcaCertStore(List.of(chain)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new ReportException("Cannot sign with the key of " + signer + ": " + e.getMessage(), e);
        }
    }
}
