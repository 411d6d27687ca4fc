package io.edgemesh.tinyml.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Refunds are processed within fourteen business days after we receive the returned item.|ENGLISH",
        "Die Rückerstattung erfolgt innerhalb von vierzehn Werktagen nach Eingang der Rücksendung.|GERMAN",
        "El reembolso se procesa dentro de los catorce días hábiles posteriores a la recepción del artículo.|SPANISH",
        "Le remboursement est effectué dans les quatorze jours ouvrés suivant la réception de l'article.|FRENCH",
        "O reembolso é processado em até catorze dias úteis após o recebimento do item devolvido.|PORTUGUESE",
        "Il rimborso viene elaborato entro quattordici giorni lavorativi dal ricevimento dell'articolo.|ITALIAN",
        "De terugbetaling wordt binnen veertien werkdagen na ontvangst van het artikel verwerkt.|DUTCH",
        "12345 67890 !!! ???|OTHER",
    })
    void givenTextInALanguage_whenDetected_thenThatLanguageOrOtherIsReturned(String text, DocumentLanguage expected) {
        assertThat(LanguageDetection.detect(text)).isEqualTo(expected);
    }
}
