package io.edgemesh.backbone.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    @Test
    void publishableKeyEmbedsTheTenantAndParsesBack() {
        String key = ApiKeys.newPublishable("acme-shop");
        assertThat(key).matches("^pk_acme-shop_[0-9A-Za-z]{24}$");
        assertThat(ApiKeys.publishableTenant(key)).contains("acme-shop");
    }

    @Test
    void secretKeyEmbedsTenantAndKeyIdAndIsStoredOnlyAsItsSha256() {
        ApiKeys.IssuedSecret s = ApiKeys.newSecret("acme");
        assertThat(s.plaintext()).matches("^sk_acme_[0-9A-Za-z]{10}_[0-9A-Za-z]{32}$");
        assertThat(ApiKeys.parseSecret(s.plaintext())).contains(new ApiKeys.SecretKeyParts("acme", s.keyId()));
        assertThat(s.sha256()).matches("^[0-9a-f]{64}$").doesNotContain(s.plaintext());
        assertThat(ApiKeys.matches(s.plaintext(), s.sha256())).isTrue();
    }

    @Test
    void givenKnownVectorWhenHashedThenSha256HexOfUtf8() {
        // echo -n abc | sha256sum
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aKeyDifferingInOneCharacterDoesNotMatch() {
        ApiKeys.IssuedSecret s = ApiKeys.newSecret("acme");
        String p = s.plaintext();
        char last = p.charAt(p.length() - 1);
        String other = p.substring(0, p.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThat(ApiKeys.matches(other, s.sha256())).isFalse();
        assertThat(ApiKeys.matches(null, s.sha256())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pk_", "pk_acme", "pk_acme_short", "pk_Acme_0123456789abcdefghijklmn", "sk_acme_0123456789abcdefghijklmn",
            "pk_acme_0123456789abcdefghijklm!", "pk_acme_x_0123456789abcdefghijklmn", "pk_ac_me_0123456789abcdefghijklmn"})
    void malformedPublishableKeysNameNoTenant(String key) {
        assertThat(ApiKeys.publishableTenant(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sk_acme", "sk_acme_0123456789_short", "pk_acme_0123456789_0123456789abcdefghijklmnopqrstuv",
            "sk_acme_012345678_0123456789abcdefghijklmnopqrstuv", "sk_ACME_0123456789_0123456789abcdefghijklmnopqrstuv",
            "sk_acme_0123456789_0123456789abcdefghijklmnopqrstuv_x"})
    void malformedSecretKeysParseToNothing(String key) {
        assertThat(ApiKeys.parseSecret(key)).isEmpty();
    }

    @Test
    void keysAreUniqueAcrossManyDraws() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) assertThat(seen.add(ApiKeys.newSecret("acme").plaintext())).isTrue();
    }
}
