package org.proxyscope.report;

import java.nio.file.Path;

/**
 * The analyst's key for signing reports: a PKCS#12 file and its password. The password is used to open the
 * file and is never written anywhere.
 */
public record SigningKey(Path file, char[] password) {
}
