package io.edgemesh.tinyml.text;

import io.edgemesh.tinyml.text.internal.HeadingClassifier;
import io.edgemesh.tinyml.text.internal.LineCollector;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Text per page from a PDF file. PDFBox caches decoded streams in temp files rather than the heap, and
 * the page and character caps bound the work a hostile document can cause.
 */
public final class TextExtractor {

    private final int maxPages;
    private final long maxChars;

    public TextExtractor(int maxPages, long maxChars) {
        this.maxPages = maxPages;
        this.maxChars = maxChars;
    }

    /** Defaults for a Lambda with 3 GB: 2,000 pages, 5 million characters. */
    public static TextExtractor withDefaults() {
        return new TextExtractor(2_000, 5_000_000L);
    }

    public ExtractedDocument extract(Path pdf) throws ExtractionException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
            int pages = doc.getNumberOfPages();
            if (pages > maxPages) {
                throw new ExtractionException(ExtractionException.TOO_LARGE,
                        "the document has " + pages + " pages; at most " + maxPages + " are indexed");
            }
            LineCollector collector = new LineCollector(maxChars);
            collector.writeText(doc, new StringWriter(0) {
                @Override
                public void write(String str) { } // the collector keeps lines itself; nothing to buffer here
            });
            HeadingClassifier headings = new HeadingClassifier(collector.lines());
            List<List<Block>> byPage = new ArrayList<>(pages);
            for (int i = 0; i < pages; i++) byPage.add(new ArrayList<>());
            for (LineCollector.Line line : collector.lines()) {
                if (line.page() >= 1 && line.page() <= pages) {
                    byPage.get(line.page() - 1).add(new Block(line.text(), headings.isHeading(line)));
                }
            }
            List<PageText> result = new ArrayList<>(pages);
            for (int i = 0; i < pages; i++) result.add(new PageText(i + 1, byPage.get(i)));
            return new ExtractedDocument(result);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(ExtractionException.ENCRYPTED, "the PDF is password-protected", e);
        } catch (LineCollector.BudgetExceeded e) {
            throw new ExtractionException(ExtractionException.TOO_LARGE, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // PDFBox signals malformed input with IOExceptions and, for some corruptions, runtime exceptions
            throw new ExtractionException(ExtractionException.UNREADABLE, "the PDF cannot be read: " + e.getMessage(), e);
        }
    }
}
