package io.edgemesh.tinyml.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.tinyml.TestPdfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {

    @TempDir Path dir;

    private Path write(byte[] bytes) throws Exception {
        Path p = Files.createTempFile(dir, "doc", ".pdf");
        Files.write(p, bytes);
        return p;
    }

    @Test
    void givenAThreePagePdf_whenExtracted_thenTextKeepsItsPageAndHeadingsAreRecognisedByTypeSize() throws Exception {
        ExtractedDocument doc = TextExtractor.withDefaults().extract(write(TestPdfs.handbook()));

        assertThat(doc.pageCount()).isEqualTo(3);
        assertThat(doc.pages().get(1).text()).contains("turquoise walrus guarantee");
        assertThat(doc.pages().get(0).text()).doesNotContain("turquoise");
        assertThat(doc.pages().get(1).blocks().get(0)).isEqualTo(new Block("Returns and refunds", true));
        assertThat(doc.pages().get(1).blocks().stream().skip(1)).noneMatch(Block::heading);
    }

    @Test
    void givenBytesThatAreNotAPdf_whenExtracted_thenItIsUnreadable() throws Exception {
        Path p = write("just some text, not a PDF".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TextExtractor.withDefaults().extract(p))
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.reason()).isEqualTo(ExtractionException.UNREADABLE));
    }

    @Test
    void givenAPasswordProtectedPdf_whenExtracted_thenItIsRefusedAsEncrypted() throws Exception {
        Path p = write(TestPdfs.build(List.of(new TestPdfs.Page("Secret", List.of("hidden text"))), "pw"));
        assertThatThrownBy(() -> TextExtractor.withDefaults().extract(p))
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.reason()).isEqualTo(ExtractionException.ENCRYPTED));
    }

    @Test
    void givenMorePagesOrCharactersThanTheCaps_whenExtracted_thenItIsTooLarge() throws Exception {
        Path pages = write(TestPdfs.build(Collections.nCopies(4, new TestPdfs.Page(null, List.of("a page")))));
        assertThatThrownBy(() -> new TextExtractor(3, 1_000_000).extract(pages))
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.reason()).isEqualTo(ExtractionException.TOO_LARGE));
        Path chars = write(TestPdfs.handbook());
        assertThatThrownBy(() -> new TextExtractor(100, 100).extract(chars))
                .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.reason()).isEqualTo(ExtractionException.TOO_LARGE));
    }
}
