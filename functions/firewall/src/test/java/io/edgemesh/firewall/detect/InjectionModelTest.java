package io.edgemesh.firewall.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InjectionModelTest {

    @Test
    void theShippedModelWasTrainedOnTheCurrentExemplars() {
        // GIVEN the model resource WHEN compared with the exemplar files THEN it was trained on exactly them
        InjectionModel m = InjectionModel.load();
        assertThat(m.exemplarsSha256())
                .as("exemplars changed: retrain with ./mvnw -B -q -o -pl functions/firewall test -Dtest=TrainInjectionModel "
                        + "-Dsurefire.failIfNoSpecifiedTests=false")
                .isEqualTo(Exemplars.sha256());
        assertThat(m.weights()).hasSize(384);
        assertThat(m.threshold()).isBetween(0.5, 0.99);
        assertThat(m.cvFpr()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void theExemplarsHaveBothClassesInSeveralLanguages() {
        var all = Exemplars.load();
        assertThat(all).filteredOn(Exemplars.Exemplar::attack).extracting(Exemplars.Exemplar::language)
                .contains("en", "de", "es", "fr", "pt");
        assertThat(all).filteredOn(e -> !e.attack()).extracting(Exemplars.Exemplar::language)
                .contains("en", "de", "es", "fr", "pt");
        assertThat(all).filteredOn(Exemplars.Exemplar::attack).extracting(Exemplars.Exemplar::kind)
                .containsOnly(InjectionRules.INJECTION, InjectionRules.JAILBREAK);
    }

    @Test
    void theEmbeddingWindowCutsLongTextsAtASpace() {
        String text = "word ".repeat(300);
        String w = InjectionClassifier.window(text, 600);
        assertThat(w.length()).isLessThanOrEqualTo(600);
        assertThat(w).endsWith("word");
        assertThat(InjectionClassifier.window("short", 600)).isEqualTo("short");
    }
}
