package io.edgemesh.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Pins the worked example of the package documentation, so the docs cannot drift from the code. */
class CanonicalFormExampleTest {
    static final String EXPECTED_HEX = "454d310000000131000000026b310000000548533235360000000461636d650000000d6f726368657374726174696f6e"
            + "0000000774696e792d6d6c00000006736561726368000000057265712d310000000a313739353836303030300000000a3137393538"
            + "36303132300000003730302d30616637363531393136636434336464383434386562323131633830333139632d6237616436623731"
            + "36393230333333312d3031000000046e6f6e6500000040616630643861663463373135393032303566396231646531303962623565"
            + "35386439303366656133633164363338353534346530373064653565653465303037";

    @Test
    void theDocumentedExampleSignsToTheDocumentedBytesAndSignature() {
        // GIVEN the key 00..1f as k1, read from the documented local spec, and a clock at 1795860000
        KeySource keys = KeySource.fromSpec("k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_795_860_000L), ZoneOffset.UTC);
        // WHEN the documented call is signed
        SignedMessage m = EnvelopeSigner.hmac(keys, clock, Duration.ofSeconds(120)).sign(
                new Call("acme", "orchestration", "tiny-ml", "search", "req-1", Fixtures.TRACE),
                "{\"query\":\"opening hours\"}".getBytes(StandardCharsets.UTF_8));
        // THEN canonical bytes, body hash and signature are the documented ones
        assertThat(HexFormat.of().formatHex(m.envelope().canonicalBytes())).isEqualTo(EXPECTED_HEX);
        assertThat(m.envelope().canonicalBytes()).hasSize(241);
        assertThat(m.envelope().bodySha256()).isEqualTo("af0d8af4c71590205f9b1de109bb5e58d903fea3c1d6385544e070de5ee4e007");
        assertThat(m.envelope().signature()).isEqualTo("TQ5Brwpw1DmVECj7Z3ZcK6PwNXkolZw4pFsjUpKxHkU");
    }

    @Test
    void theSealedHeaderDiffersFromTheCanonicalBytesOnlyInTheEmptiedBodyHash() {
        Envelope e = new Envelope(1, "k1", Algorithm.HS256, "acme", "ingress", "tiny-ml", "search", "r", 10, 20, "",
                Sealing.A256GCM, "0".repeat(64), "");
        byte[] canonical = e.canonicalBytes();
        byte[] header = e.headerBytes();
        assertThat(header.length).isEqualTo(canonical.length - 64);
        assertThat(HexFormat.of().formatHex(header)).endsWith("00000000");
    }
}
