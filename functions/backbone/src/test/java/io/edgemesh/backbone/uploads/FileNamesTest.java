package io.edgemesh.backbone.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.common.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "report.pdf|report.pdf",
            "../../etc/passwd|passwd",
            "C:\\Users\\me\\Q3 report.pdf|Q3 report.pdf",
            ".hidden.pdf|hidden.pdf",
            "..|-",
            "  spaced   out\tname .pdf |spaced out name .pdf",
            "Résumé.pdf|Résumé.pdf",
            "stream:secret.pdf|streamsecret.pdf"})
    void keepsOnlyASafeDisplayName(String raw, String expected) {
        if (expected.equals("-")) {
            assertThatThrownBy(() -> FileNames.sanitise(raw)).isInstanceOf(ApiException.class);
        } else {
            assertThat(FileNames.sanitise(raw)).isEqualTo(expected);
        }
    }

    @Test
    void removesControlAndBidiOverrideCharacters() {
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise("a\u0000b\u0007c\r\n.pdf")).isEqualTo("abc .pdf");
        assertThat(FileNames.sanitise("zero\u200Bwidth.pdf")).isEqualTo("zerowidth.pdf");
    }

    @Test
    void givenDecomposedAccentsWhenSanitisedThenNfc() {
        assertThat(FileNames.sanitise("Re\u0301sume\u0301.pdf")).isEqualTo("Résumé.pdf");
    }

    @Test
    void givenLongNameWhenSanitisedThenCutTo200KeepingTheExtension() {
        String out = FileNames.sanitise("x".repeat(500) + ".pdf");
        assertThat(out).hasSize(200).endsWith("x.pdf");
        String emoji = FileNames.sanitise("😀".repeat(300));
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "/", "dir/", "\u0000\u0001", "...."})
    void refusesNamesWithNothingLeft(String raw) {
        assertThatThrownBy(() -> FileNames.sanitise(raw)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("filename");
        });
    }

    @Test
    void refusesAbsurdlyLongInput() {
        assertThatThrownBy(() -> FileNames.sanitise("a".repeat(5000))).isInstanceOf(ApiException.class);
    }
}
