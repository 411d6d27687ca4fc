package io.edgemesh.firewall.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnchorsTest {

    @Test
    void aLeadingAlternationOfWordsGivesItsFirstWords() {
        assertThat(Anchors.of("\\b(ignore|don't follow|set aside)\\b\\W+rules")).containsExactlyInAnyOrder("ignore", "don", "set");
    }

    @Test
    void anythingThatCouldStartElsewhereGetsNoAnchors() {
        assertThat(Anchors.of("\\b(ignore|forget)\\W+x|\\bsystem prompt")).as("top-level alternation").isNull();
        assertThat(Anchors.of("\\b(the |a )?(previous)\\W+x")).as("optional first group").isNull();
        assertThat(Anchors.of("(you|tu)\\b\\W+x")).as("no word start").isNull();
        assertThat(Anchors.of("\\b(zeige?|gib)\\b")).as("not plain words").isNull();
        assertThat(Anchors.of("\\b(sex|porn)\\w*")).as("may end inside a word").isNull();
    }

    @Test
    void aRuleIsSkippedOnlyWhenNoneOfItsAnchorsIsAWordOfTheText() {
        var anchors = Anchors.of("\\b(ignore|don't follow)\\b\\W+rules");
        assertThat(Anchors.present(anchors, Anchors.words("please don't follow the rules"))).isTrue();
        assertThat(Anchors.present(anchors, Anchors.words("ignored"))).isFalse();
        assertThat(Anchors.present(null, Anchors.words("anything"))).isTrue();
    }
}
