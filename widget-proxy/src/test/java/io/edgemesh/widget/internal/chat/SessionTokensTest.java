package io.edgemesh.widget.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edgemesh.widget.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SessionTokens tokens = new SessionTokens(KEY, Duration.ofMinutes(60), clock);

    @Test
    void issuedTokenVerifiesWithItsClaims() {
        String jwt = tokens.issue("shop", "https://shop.example", "s_abcdefgh", "anonymous");
        SessionClaims c = tokens.verify(jwt).orElseThrow();
        assertThat(c.tenantId()).isEqualTo("shop");
        assertThat(c.origin()).isEqualTo("https://shop.example");
        assertThat(c.sessionId()).isEqualTo("s_abcdefgh");
        assertThat(c.trustLevel()).isEqualTo("anonymous");
        assertThat(c.expiresAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
    }

    @Test
    void expiryAllowsOnlyASmallSkew() {
        String jwt = tokens.issue("shop", "https://shop.example", "s_abcdefgh", "anonymous");
        clock.advance(Duration.ofMinutes(60).plusSeconds(20));
        assertThat(tokens.verify(jwt)).isPresent();
        clock.advance(Duration.ofSeconds(20));
        assertThat(tokens.verify(jwt)).isEmpty();
    }

    @Test
    void tokenOfAnotherKeyIsRejected() {
        SessionTokens other = new SessionTokens("another-key-another-key-another!!".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(60), clock);
        assertThat(tokens.verify(other.issue("shop", "https://shop.example", "s_abcdefgh", "anonymous"))).isEmpty();
    }

    @Test
    void signedWithTheRightKeyButMissingClaimsIsRejected() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid()).build(),
                new JWTClaimsSet.Builder().issuer("edgemesh-ingress").subject("s_abcdefgh")
                        .expirationTime(Date.from(clock.instant().plusSeconds(60))).build());
        jwt.sign(new MACSigner(KEY));
        assertThat(tokens.verify(jwt.serialize())).isEmpty();
    }

    @Test
    void unsignedAndGarbageTokensAreRejected() {
        String jwt = tokens.issue("shop", "https://shop.example", "s_abcdefgh", "anonymous");
        String[] p = jwt.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(none + "." + p[1] + ".")).isEmpty();
        assertThat(tokens.verify("not-a-jwt")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("a".repeat(5000))).isEmpty();
    }

    @Test
    void keysShorterThan256BitsAreRefused() {
        assertThatThrownBy(() -> new SessionTokens(new byte[16], Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionTokens.parseKey("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SessionTokens.parseKey(Base64.getEncoder().encodeToString(new byte[32]))).hasSize(32);
        assertThat(SessionTokens.parseKey("a-passphrase-of-more-than-32-characters")).hasSize(39);
    }

    private String kid() throws Exception {
        return SignedJWT.parse(tokens.issue("x", "https://x.example", "s_abcdefgh", "anonymous")).getHeader().getKeyID();
    }
}
