package io.edgemesh.analysis.scan;

import io.edgemesh.analysis.internal.Magic;
import io.edgemesh.analysis.internal.SafePdf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Scanner 1, type and size: the declared type must be one the tenant accepts and must match the
 * bytes; the size must be within the tenant's limit and equal to what was declared (the presigned
 * URL binds it, so a difference means tampering); a PDF must start with its header, end with its
 * trailer, parse, have a sane number of pages, not be password-protected and not inflate into a
 * bomb. Size and type are checked before anything is downloaded.
 */
public final class TypeScanner implements Scanner {

    public static final String NAME = "type";
    private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/markdown", "text/csv");
    /** Bytes after the last %%EOF that still count as ordinary padding, not a second file. */
    private static final int TRAILING_SLACK = 1024;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScanResult scan(ScanInput in) {
        ScannerPolicy p = in.policy();
        List<Finding> f = new ArrayList<>();
        if (!p.allows(in.declaredContentType())) {
            f.add(p.finding("type.not_allowed", Category.TYPE_NOT_ALLOWED,
                    "declared type '" + printable(in.declaredContentType()) + "' is not accepted for this tenant"));
            return ScanResult.of(NAME, f);
        }
        if (in.objectSize() == 0) {
            f.add(p.finding("type.empty", Category.EMPTY, "the file is empty (0 bytes)"));
            return ScanResult.of(NAME, f);
        }
        if (in.oversized()) {
            f.add(p.finding("size.over_limit", Category.SIZE_LIMIT,
                    "the file is " + in.objectSize() + " bytes, over this tenant's limit of " + p.maxBytes()));
            return ScanResult.of(NAME, f);
        }
        if (in.declaredSize() >= 0 && in.declaredSize() != in.objectSize()) {
            f.add(p.finding("size.mismatch", Category.SIZE_MISMATCH,
                    "declared " + in.declaredSize() + " bytes but " + in.objectSize() + " bytes were uploaded"));
        }
        byte[] bytes;
        try {
            bytes = in.bytes();
        } catch (ContentSource.ContentTooLargeException e) {
            f.add(p.finding("size.over_limit", Category.SIZE_LIMIT, "the file is over this tenant's limit of " + p.maxBytes() + " bytes"));
            return ScanResult.of(NAME, f);
        } catch (IOException e) {
            return ScanResult.error(NAME, "cannot read the object: " + e.getMessage());
        }
        if (bytes.length == 0) {
            f.add(p.finding("type.empty", Category.EMPTY, "the file is empty (0 bytes)"));
            return ScanResult.of(NAME, f);
        }
        if (in.declaredPdf()) {
            checkPdf(bytes, p, f);
        } else if (TEXT_TYPES.contains(ScannerPolicy.normaliseType(in.declaredContentType()))) {
            checkText(bytes, in.declaredContentType(), p, f);
        } else {
            Magic.sniff(bytes).ifPresent(what -> f.add(p.finding("type.mismatch", Category.TYPE_MISMATCH,
                    "declared " + printable(in.declaredContentType()) + " but the content is " + what)));
        }
        return ScanResult.of(NAME, f);
    }

    private static void checkPdf(byte[] bytes, ScannerPolicy p, List<Finding> f) {
        if (!Magic.startsWith(bytes, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            String what = Magic.sniff(bytes).orElse("not a PDF (no %PDF- header at the start)");
            f.add(p.finding("type.mismatch", Category.TYPE_MISMATCH, "declared application/pdf but the content is " + what));
            return;
        }
        int eof = Magic.lastIndexOf(bytes, "%%EOF".getBytes(StandardCharsets.US_ASCII));
        if (eof < 0) {
            f.add(p.finding("pdf.truncated", Category.MALFORMED, "the PDF has no %%EOF trailer: it is truncated or damaged"));
            return;
        }
        int tailStart = eof + 5;
        Optional<String> tailHeader = Magic.embeddedHeader(bytes, tailStart);
        if (tailHeader.isPresent() || trailingNonBlank(bytes, tailStart) > TRAILING_SLACK) {
            f.add(p.finding("type.polyglot", Category.TYPE_MISMATCH, "the file carries " + tailHeader.orElse("unknown data")
                    + " after the end of the PDF (" + (bytes.length - tailStart) + " bytes): a polyglot file"));
        }
        SafePdf.Outcome o = SafePdf.open(bytes, p.limits(), null);
        if (o instanceof SafePdf.Refused r) {
            f.add(p.finding(r.code(), r.category(), r.reason()));
            return;
        }
        try (SafePdf.Opened opened = (SafePdf.Opened) o) {
            if (opened.stats().encrypted()) {
                f.add(p.finding("pdf.permissions_encryption", Category.PERMISSIONS_ONLY_ENCRYPTION,
                        "the PDF is encrypted without a user password (permissions restricted)"));
            }
            if (opened.stats().damagedStreams() > 0) {
                f.add(p.finding("pdf.damaged_streams", Category.MALFORMED,
                        opened.stats().damagedStreams() + " object(s) or stream(s) in the PDF cannot be decoded"));
            }
            countPages(opened, p, f);
        } catch (StackOverflowError e) {
            f.add(p.finding("pdf.too_complex", Category.MALFORMED, "the PDF's page tree is nested too deeply"));
        } catch (RuntimeException e) {
            f.add(p.finding("pdf.malformed", Category.MALFORMED, "the PDF's page tree cannot be read: " + e.getClass().getSimpleName()));
        }
    }

    /** Counts pages by walking the tree (the root's /Count can lie), stopping one past the limit. */
    private static void countPages(SafePdf.Opened opened, ScannerPolicy p, List<Finding> f) {
        int declared = opened.document().getNumberOfPages();
        int walked = 0;
        for (PDPage ignored : opened.document().getPages()) {
            if (++walked > p.maxPages()) break;
        }
        int pages = Math.max(declared, walked);
        if (pages > p.maxPages()) {
            f.add(p.finding("pdf.too_many_pages", Category.PAGE_LIMIT,
                    "the PDF has " + (walked > p.maxPages() && declared <= p.maxPages() ? "more than " + p.maxPages() : String.valueOf(pages))
                            + " pages, over this tenant's limit of " + p.maxPages()));
        } else if (walked == 0) {
            f.add(p.finding("pdf.no_pages", Category.MALFORMED, "the PDF has no pages"));
        }
    }

    private static void checkText(byte[] bytes, String declared, ScannerPolicy p, List<Finding> f) {
        Optional<String> what = Magic.sniff(bytes);
        if (what.isPresent() && !what.get().contains("XML")) {
            f.add(p.finding("type.mismatch", Category.TYPE_MISMATCH, "declared " + printable(declared) + " but the content is " + what.get()));
            return;
        }
        for (byte b : bytes) {
            if (b == 0) {
                f.add(p.finding("type.mismatch", Category.TYPE_MISMATCH, "declared " + printable(declared) + " but the content is binary"));
                return;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            f.add(p.finding("type.mismatch", Category.TYPE_MISMATCH, "declared " + printable(declared) + " but the content is not UTF-8 text"));
        }
    }

    private static int trailingNonBlank(byte[] b, int from) {
        int n = 0;
        for (int i = from; i < b.length; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\r' && c != '\n' && c != '\t' && c != 0 && c != '\f') n++;
        }
        return n;
    }

    static String printable(String s) {
        String t = s == null ? "" : s.replaceAll("[^\\x20-\\x7E]", "?");
        return t.length() > 100 ? t.substring(0, 100) + "…" : t;
    }
}
