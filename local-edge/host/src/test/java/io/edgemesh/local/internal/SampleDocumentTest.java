package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SampleDocumentTest {

    @Test
    void theBundledTextHasFourPagesWithTheReturnsPolicyOnPage2() {
        List<SampleDocument.Page> pages = SampleDocument.pages();
        assertThat(pages).extracting(SampleDocument.Page::heading)
                .containsExactly("Opening hours and visiting the shop", "Returns policy", "Shipping and delivery", "Repairs, warranty and contact");
        assertThat(pages).allSatisfy(p -> assertThat(p.paragraphs()).isNotEmpty());
        assertThat(String.join(" ", pages.get(1).paragraphs())).contains("within 30 days of delivery for a full refund");
    }

    @Test
    void commentsAreSkippedAndParagraphsJoinTheirLines() {
        List<SampleDocument.Page> pages = SampleDocument.parse("# note\n== One\nfirst\nline\n\nsecond\n== Two\nthird\n");
        assertThat(pages).containsExactly(new SampleDocument.Page("One", List.of("first line", "second")),
                new SampleDocument.Page("Two", List.of("third")));
    }

    @Test
    void thePdfHasOnePagePerSectionAndItsTextExtractsPerPage() throws Exception {
        byte[] pdf = SampleDocument.pdf();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(4);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String page2 = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(page2).contains("Returns policy").contains("must not have been ridden more than 50 kilometres");
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(doc.getDocumentCatalog().getNames()).isNull();
        }
    }
}
