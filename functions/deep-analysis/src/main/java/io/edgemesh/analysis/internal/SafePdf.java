package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.Category;
import io.edgemesh.analysis.scan.ScannerPolicy.PdfLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens an untrusted PDF with every resource bounded. In order: a raw pass inflates every zlib
 * stream to catch decompression bombs before PDFBox decodes anything; PDFBox loads the file with a
 * memory-limited scratch cache; then every stream object is decoded once through PDFBox's own
 * filters into a counting sink with per-stream and total budgets, so the text extraction that
 * follows can only decode what was already measured. Image codecs are not run (nothing here
 * renders), which keeps pixel bombs out of reach.
 */
public final class SafePdf {

    private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);

    /** Sees each stream object's decoded bytes (partial when the stream is damaged). */
    @FunctionalInterface
    public interface StreamVisitor {
        void visit(String where, COSStream stream, byte[] decoded);
    }

    public sealed interface Outcome permits Opened, Refused { }

    /** An open document; the caller closes it. */
    public record Opened(PDDocument document, Stats stats) implements Outcome, AutoCloseable {
        @Override
        public void close() {
            try {
                document.close();
            } catch (IOException ignored) {
                // closing an in-memory document cannot lose anything we need
            }
        }
    }

    /** Why the document cannot be inspected safely, as a finding's category, code and reason. */
    public record Refused(Category category, String code, String reason) implements Outcome { }

    public record Stats(int streams, long decodedBytes, int damagedStreams, boolean encrypted) { }

    private SafePdf() { }

    public static Outcome open(byte[] pdf, PdfLimits limits, StreamVisitor visitor) {
        RawFlateStreams.Result raw = RawFlateStreams.scan(pdf, limits, null);
        if (raw.bomb() != null) {
            return new Refused(Category.DECOMPRESSION_BOMB, "pdf.decompression_bomb", "decompression bomb: " + raw.bomb());
        }
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(limits.scratchMemoryBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            return new Refused(Category.ENCRYPTED, "pdf.encrypted", "the PDF is password-protected, so its content cannot be inspected");
        } catch (IOException | RuntimeException e) {
            return new Refused(Category.MALFORMED, "pdf.malformed", "the PDF cannot be parsed: " + brief(e));
        } catch (StackOverflowError e) {
            return new Refused(Category.MALFORMED, "pdf.too_complex", "the PDF's structure is nested too deeply to parse");
        }
        try {
            Stats stats = walkStreams(doc, limits, visitor);
            return new Opened(doc, stats);
        } catch (LimitExceeded e) {
            closeQuietly(doc);
            return new Refused(Category.DECOMPRESSION_BOMB, "pdf.decompression_bomb", "decompression bomb: " + e.getMessage());
        } catch (StackOverflowError e) {
            closeQuietly(doc);
            return new Refused(Category.MALFORMED, "pdf.too_complex", "the PDF's structure is nested too deeply to parse");
        } catch (RuntimeException e) {
            closeQuietly(doc);
            return new Refused(Category.MALFORMED, "pdf.malformed", "the PDF cannot be parsed: " + brief(e));
        }
    }

    private static Stats walkStreams(PDDocument doc, PdfLimits limits, StreamVisitor visitor) {
        COSDocument cos = doc.getDocument();
        List<COSObjectKey> keys = new ArrayList<>(cos.getXrefTable().keySet());
        int streams = 0;
        int damaged = 0;
        long total = 0;
        for (COSObjectKey key : keys) {
            COSBase base;
            try {
                COSObject obj = cos.getObjectFromPool(key);
                base = obj == null ? null : obj.getObject();
            } catch (RuntimeException e) {
                damaged++;
                continue;
            }
            if (!(base instanceof COSStream stream)) continue;
            streams++;
            Decoded d = decode(stream, limits.maxStreamDecodedBytes(), visitor != null);
            if (d.damaged) damaged++;
            total += d.size;
            if (total > limits.maxTotalDecodedBytes()) {
                throw new LimitExceeded("streams decode to more than " + limits.maxTotalDecodedBytes() + " bytes in total");
            }
            long encoded = stream.getLength();
            if (d.size > limits.ratioFloorBytes() && encoded > 0 && d.size / encoded > limits.maxCompressionRatio()) {
                throw new LimitExceeded("object " + key.getNumber() + " decodes " + (d.size / encoded) + " times its size (limit "
                        + limits.maxCompressionRatio() + ")");
            }
            if (visitor != null) visitor.visit("object " + key.getNumber() + " " + key.getGeneration(), stream, d.bytes);
        }
        return new Stats(streams, total, damaged, doc.isEncrypted());
    }

    private record Decoded(long size, byte[] bytes, boolean damaged) { }

    /**
     * Decodes one stream through its filter chain, each stage into a bounded buffer; stops before
     * the first image codec. A damaged stream yields what decoded before the damage.
     */
    static Decoded decode(COSStream stream, long cap, boolean keep) {
        List<COSName> filters = filters(stream);
        byte[] current;
        try (InputStream raw = stream.createRawInputStream()) {
            current = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        } catch (IOException | RuntimeException e) {
            return new Decoded(0, new byte[0], true);
        }
        if (current.length > cap) throw new LimitExceeded("a stream is larger than " + cap + " bytes");
        int stages = 0;
        for (COSName f : filters) {
            if (IMAGE_FILTERS.contains(f)) break;
            stages++;
        }
        for (int i = 0; i < stages; i++) {
            boolean last = i == stages - 1;
            BoundedSink out = new BoundedSink(cap, keep || !last);
            try {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                filter.decode(new java.io.ByteArrayInputStream(current), out, stream, i);
            } catch (IOException | RuntimeException e) {
                if (e instanceof LimitExceeded le) throw le;
                byte[] partial = out.bytes();
                return new Decoded(Math.max(out.count(), partial.length), partial, true);
            }
            if (last && !keep) return new Decoded(out.count(), null, false);
            current = out.bytes();
        }
        return new Decoded(current.length, keep ? current : null, false);
    }

    private static List<COSName> filters(COSStream stream) {
        COSBase f = stream.getFilters();
        List<COSName> out = new ArrayList<>();
        if (f instanceof COSName n) {
            out.add(n);
        } else if (f instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSName n) out.add(n);
            }
        }
        return out;
    }

    private static void closeQuietly(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing to recover from an in-memory document
        }
    }

    static String brief(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        m = m.replaceAll("[\\r\\n\\t]+", " ");
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
