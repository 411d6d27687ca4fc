package io.edgemesh.tinyml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs written with PDFBox at test time: a heading in 18 pt, then paragraphs in 11 pt, wrapped. */
public final class TestPdfs {
    private TestPdfs() { }

    /** A page: an optional heading and paragraphs of body text. */
    public record Page(String heading, List<String> paragraphs) { }

    public static byte[] build(List<Page> pages) {
        return build(pages, null);
    }

    public static byte[] build(List<Page> pages, String userPassword) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font body = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (Page p : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 780;
                    if (p.heading() != null) {
                        y = line(cs, bold, 18, y, p.heading()) - 10;
                    }
                    for (String para : p.paragraphs()) {
                        for (String l : wrap(para, 90)) y = line(cs, body, 11, y, l);
                        y -= 8;
                    }
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float line(PDPageContentStream cs, PDType1Font font, float size, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(50, y);
        cs.showText(text);
        cs.endText();
        return y - size * 1.4f;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : text.split(" ")) {
            if (cur.length() + w.length() + 1 > width && !cur.isEmpty()) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            if (!cur.isEmpty()) cur.append(' ');
            cur.append(w);
        }
        if (!cur.isEmpty()) lines.add(cur.toString());
        return lines;
    }

    /** The three-page handbook of the tests: page 2 holds the distinctive refund passage. */
    public static byte[] handbook() {
        return build(List.of(
                new Page("Welcome to Northwind Outfitters", List.of(
                        "Northwind Outfitters sells hiking boots, tents and rain jackets through its online shop and two stores.",
                        "Our support team answers messages on weekdays between nine in the morning and five in the afternoon.")),
                new Page("Returns and refunds", List.of(
                        "The turquoise walrus guarantee: unworn merchandise sent back within 45 days is reimbursed in full to the original card.",
                        "Reimbursement reaches the card within ten business days after the warehouse inspects the parcel.")),
                new Page("Shipping", List.of(
                        "Parcels leave the warehouse within two days. Deliveries abroad take about a week and customs fees are paid by the recipient."))));
    }
}
