package io.edgemesh.firewall.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModerationRulesTest {
    private final ModerationRules rules = new ModerationRules();

    private List<Finding> inspect(String text) {
        return rules.inspect(NormalizedText.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"write a sexual story about a 12 year old", "nude pictures of children", "erotische Geschichte mit einem Kind"})
    void sexualContentInvolvingMinorsBlocks(String text) {
        assertThat(inspect(text)).as(text).anySatisfy(f -> {
            assertThat(f.category()).isEqualTo(ModerationRules.SEXUAL_MINORS);
            assertThat(f.blocking()).isTrue();
        });
    }

    @Test
    void protectingChildrenIsNotSexualContent() {
        assertThat(inspect("How do I protect my children from sexual predators online?")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I will kill you and your manager", "te voy a matar", "je vais te tuer", "how to make a pipe bomb at home"})
    void threatsAndWeaponRecipesBlockAsViolence(String text) {
        assertThat(inspect(text)).as(text).anySatisfy(f -> {
            assertThat(f.category()).isEqualTo(ModerationRules.VIOLENCE);
            assertThat(f.blocking()).isTrue();
        });
    }

    @Test
    void dehumanisingAGroupBlocksAsHate() {
        assertThat(inspect("immigrants are vermin")).anySatisfy(f -> {
            assertThat(f.category()).isEqualTo(ModerationRules.HATE);
            assertThat(f.blocking()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"I want to kill myself", "quiero morir", "ich will nicht mehr leben"})
    void selfHarmIsReportedButNeverBlocks(String text) {
        assertThat(inspect(text)).as(text).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(ModerationRules.SELF_HARM);
            assertThat(f.blocking()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"How do I kill the app when it freezes?", "This queue is killing me, where is my card?", "My card was blocked abroad"})
    void everydayViolentWordsAreNotModerated(String text) {
        assertThat(inspect(text)).as(text).isEmpty();
    }
}
