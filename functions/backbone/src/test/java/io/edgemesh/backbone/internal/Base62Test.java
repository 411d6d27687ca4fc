package io.edgemesh.backbone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Base62Test {

    @Test
    void givenManySymbolsWhenCountedThenEverySymbolIsEquallyLikely() {
        // b % 62 over raw bytes would make the first 8 symbols ~25% more frequent; rejection sampling must not
        int[] counts = new int[62];
        String s = Base62.random(620_000);
        for (int i = 0; i < s.length(); i++) counts[Base62.ALPHABET.indexOf(s.charAt(i))]++;
        for (int c : counts) assertThat(c).isBetween(9_500, 10_500);
    }

    @Test
    void recognisesOnlyExactLengthBase62() {
        assertThat(Base62.is("aZ09", 4)).isTrue();
        assertThat(Base62.is("aZ0", 4)).isFalse();
        assertThat(Base62.is("aZ0-", 4)).isFalse();
        assertThat(Base62.is(null, 4)).isFalse();
    }
}
