package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.ScanInput;
import io.edgemesh.analysis.scan.Scanner;
import io.edgemesh.analysis.scan.ScannerPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds a one-page PDF in memory and scans it, so PDFBox's parser, fonts, filters and text
 * extraction are loaded and warm in the SnapStart snapshot. Touches no AWS service.
 */
public final class Warmup {
    private Warmup() { }

    public static byte[] tinyPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("EdgeMesh warm-up");
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    public static void scan(Scanner scanner) throws IOException {
        scanner.scan(ScanInput.of("priming", "priming", ScannerPolicy.PDF, tinyPdf(), ScannerPolicy.defaults()));
    }
}
