package io.edgemesh.widget.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A two-page visitor guide written by the test, with the opening hours on page 2. */
final class SamplePdf {

    static final String FILENAME = "museum-guide.pdf";
    static final String QUESTION = "What are the opening hours of the museum?";

    private SamplePdf() { }

    static byte[] build() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc, "Harbour Museum visitor guide",
                    "The Harbour Museum tells the story of the old port, its ships and the people who worked there.",
                    "The permanent collection fills three floors. Guided tours leave from the main hall.",
                    "Photography without flash is welcome in every gallery.");
            page(doc, "Opening hours and tickets",
                    "The museum opening hours are 9 am to 5 pm from Tuesday to Sunday. It is closed on Mondays.",
                    "Tickets cost 12 euros for adults. Children under 12 enter free of charge.",
                    "The last admission is at 4:30 pm, half an hour before the museum closes.");
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void page(PDDocument doc, String heading, String... lines) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.beginText();
            s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
            s.newLineAtOffset(72, 720);
            s.showText(heading);
            s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            for (String line : lines) {
                s.newLineAtOffset(0, -24);
                s.showText(line);
            }
            s.endText();
        }
    }
}
