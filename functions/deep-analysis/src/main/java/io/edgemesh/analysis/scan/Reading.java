package io.edgemesh.analysis.scan;

import io.edgemesh.analysis.internal.SafePdf;
import java.io.IOException;
import java.util.List;

/**
 * What every content scanner does before looking inside: refuse to vouch for an object it may not
 * read (too large), report an unreadable object as an error to retry, and open PDFs only through
 * {@link SafePdf}. A scanner that cannot look inside says so with an UNSCANNABLE finding rather
 * than CLEAN.
 */
final class Reading {
    private Reading() { }

    /** The bytes, or null after adding the finding (or returning the error) that explains why not. */
    static byte[] bytesOrFinding(ScanInput in, List<Finding> findings, String[] error) {
        ScannerPolicy p = in.policy();
        if (in.oversized()) {
            findings.add(p.finding("content.not_scanned", Category.UNSCANNABLE,
                    "not inspected: the file is " + in.objectSize() + " bytes, over the limit of " + p.maxBytes()));
            return null;
        }
        try {
            return in.bytes();
        } catch (ContentSource.ContentTooLargeException e) {
            findings.add(p.finding("content.not_scanned", Category.UNSCANNABLE,
                    "not inspected: the file is over the limit of " + p.maxBytes() + " bytes"));
            return null;
        } catch (IOException e) {
            error[0] = "cannot read the object: " + e.getMessage();
            return null;
        }
    }

    /** A refused PDF as this scanner's finding: it could not look inside, so it cannot call it clean. */
    static Finding unscannable(ScannerPolicy p, SafePdf.Refused r) {
        return p.finding("content.not_scanned", Category.UNSCANNABLE, "not inspected: " + r.reason());
    }
}
