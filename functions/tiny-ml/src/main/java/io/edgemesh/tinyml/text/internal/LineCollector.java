package io.edgemesh.tinyml.text.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDFBox text stripper that, instead of writing text, records each line with its page number and mean
 * font size, and stops a document that exceeds the character budget.
 */
public final class LineCollector extends PDFTextStripper {

    /** A line as PDFBox laid it out. */
    public record Line(int page, String text, float fontSize) { }

    /** Raised inside PDFBox's callbacks when the character budget is spent. */
    public static final class BudgetExceeded extends IOException {
        BudgetExceeded(long max) {
            super("the document has more than " + max + " characters of text");
        }
    }

    private final long maxChars;
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private double sizeSum;
    private int sizeCount;
    private long totalChars;

    public LineCollector(long maxChars) {
        this.maxChars = maxChars;
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    public List<Line> lines() { return lines; }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        current.append(text);
        for (TextPosition tp : positions) {
            float size = tp.getFontSizeInPt();
            if (size <= 1.0f) size = tp.getHeightDir(); // fonts scaled by the text matrix report size 1
            if (size > 0 && Float.isFinite(size)) {
                sizeSum += size;
                sizeCount++;
            }
        }
        totalChars += text.length();
        if (totalChars > maxChars) throw new BudgetExceeded(maxChars);
    }

    @Override
    protected void writeWordSeparator() {
        current.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeParagraphEnd() {
        endLine();
    }

    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
        endLine();
        super.endPage(page);
    }

    private void endLine() {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            lines.add(new Line(getCurrentPageNo(), text, sizeCount == 0 ? 0f : (float) (sizeSum / sizeCount)));
        }
        current.setLength(0);
        sizeSum = 0;
        sizeCount = 0;
    }
}
