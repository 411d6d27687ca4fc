package io.edgemesh.analysis.internal;

import java.io.IOException;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts a PDF's text as a reader would get it, and separately the text a reader would not see:
 * glyphs drawn invisibly (text rendering mode 3), filled in white, or at a size under one point.
 * Metadata and annotation notes are added to the visible text because assistants read them too.
 * Output is capped at {@code maxChars} so a huge document cannot exhaust memory.
 */
public final class TextExtraction {

    /** What a document says, visibly and invisibly. */
    public record Text(String all, String hidden, int pages, boolean truncated) { }

    private TextExtraction() { }

    public static Text extract(PDDocument doc, int maxPages, int maxChars) throws IOException {
        HiddenAwareStripper stripper = new HiddenAwareStripper(maxChars);
        int pages = doc.getNumberOfPages();
        stripper.setStartPage(1);
        stripper.setEndPage(Math.min(pages, maxPages));
        stripper.setSortByPosition(false);
        String visible;
        try {
            visible = stripper.getText(doc);
        } catch (Budget e) {
            visible = stripper.partial();
        }
        StringBuilder extra = new StringBuilder();
        PDDocumentInformation info = doc.getDocumentInformation();
        for (String s : new String[] {info.getTitle(), info.getSubject(), info.getKeywords(), info.getAuthor()}) {
            if (s != null) extra.append('\n').append(s);
        }
        int n = 0;
        for (PDPage page : doc.getPages()) {
            if (++n > maxPages || extra.length() > maxChars) break;
            if (page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
                for (int i = 0; i < annots.size(); i++) {
                    if (annots.getObject(i) instanceof COSDictionary a) {
                        String c = a.getString(COSName.CONTENTS);
                        if (c != null) extra.append('\n').append(c);
                    }
                }
            }
        }
        String all = visible + extra;
        boolean truncated = stripper.truncated || all.length() > maxChars || pages > maxPages;
        if (all.length() > maxChars) all = all.substring(0, maxChars);
        return new Text(all, stripper.hidden.toString(), pages, truncated);
    }

    /** Stops the stripper once the budget is spent. */
    private static final class Budget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Budget() {
            super(null, null, false, false);
        }
    }

    private static final class HiddenAwareStripper extends PDFTextStripper {
        private final int maxChars;
        private final StringBuilder hidden = new StringBuilder();
        private final StringBuilder visibleSoFar = new StringBuilder();
        private int seen;
        private boolean lastHidden;
        private boolean truncated;

        HiddenAwareStripper(int maxChars) {
            this.maxChars = maxChars;
            // the text stripper ignores colour by default; white-on-white detection needs the fill colour
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceCMYKColor(this));
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            String u = text.getUnicode();
            if (u != null) {
                seen += u.length();
                if (seen > maxChars) {
                    truncated = true;
                    throw new Budget();
                }
                if (isHidden(text)) {
                    if (!lastHidden && hidden.length() > 0) hidden.append(' ');
                    hidden.append(u);
                    lastHidden = true;
                } else {
                    lastHidden = false;
                }
            }
            super.processTextPosition(text);
        }

        @Override
        protected void writeString(String text, java.util.List<TextPosition> positions) throws IOException {
            if (visibleSoFar.length() < maxChars) visibleSoFar.append(text).append(' ');
            super.writeString(text, positions);
        }

        String partial() {
            return visibleSoFar.toString();
        }

        private boolean isHidden(TextPosition text) {
            PDGraphicsState gs = getGraphicsState();
            RenderingMode mode = gs.getTextState().getRenderingMode();
            if (mode == RenderingMode.NEITHER || mode == RenderingMode.NEITHER_CLIP) return true;
            if (text.getFontSizeInPt() > 0 && text.getFontSizeInPt() < 1f) return true;
            if (mode.isFill() && !mode.isStroke()) {
                try {
                    PDColor c = gs.getNonStrokingColor();
                    if (c != null && c.getColorSpace() != null && c.toRGB() == 0xFFFFFF) return true;
                } catch (IOException | RuntimeException e) {
                    return false; // patterns and odd colour spaces: cannot tell, assume visible
                }
            }
            return false;
        }
    }
}
