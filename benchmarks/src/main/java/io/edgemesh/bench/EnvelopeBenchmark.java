package io.edgemesh.bench;

import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.Ed25519Provider;
import io.edgemesh.envelope.Ed25519PublicKeys;
import io.edgemesh.envelope.Ed25519SigningKey;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.envelope.KeyRing;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.ReplayGuard;
import io.edgemesh.envelope.Sealing;
import io.edgemesh.envelope.SignedMessage;
import io.edgemesh.envelope.TenantExtractor;
import io.edgemesh.envelope.Traceparent;
import io.edgemesh.envelope.Verified;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign + verify of one envelope with a 1 KB body, per algorithm and Ed25519 provider, on one thread
 * (so the score is per core). The replay guard accepts everything: it measures the envelope work,
 * not a DynamoDB round trip, which in production dominates and is measured elsewhere.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {
    private static final ReplayGuard ACCEPT_ALL = (tenant, requestId, expiresAt) -> true;

    private final byte[] body = new byte[1024];
    private final Call call = new Call("acme", "orchestration", "tiny-ml", "search", "3f0c8d7e-9b1a-4c55-8e2f-7a6b5c4d3e2f",
            Traceparent.newTrace());

    private EnvelopeSigner hmacSigner;
    private EnvelopeVerifier hmacVerifier;
    private EnvelopeSigner edJdkSigner;
    private EnvelopeVerifier edJdkVerifier;
    private EnvelopeSigner edBcSigner;
    private EnvelopeVerifier edBcVerifier;
    private SignedMessage hmacSigned;

    @Setup
    public void setUp() {
        new Random(42).nextBytes(body);
        Clock clock = Clock.systemUTC();
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        KeySource keys = KeySource.of(KeyRing.of("k1", Map.of("k1", key)));
        hmacSigner = EnvelopeSigner.hmac(keys, clock, Duration.ofSeconds(120));
        hmacVerifier = EnvelopeVerifier.builder("tiny-ml").hmac(keys).replayGuard(ACCEPT_ALL).clock(clock).build();
        Ed25519SigningKey ed = Ed25519SigningKey.generate("ed1");
        edJdkSigner = EnvelopeSigner.ed25519(ed, Ed25519Provider.JDK, clock, Duration.ofSeconds(120));
        edJdkVerifier = EnvelopeVerifier.builder("tiny-ml").ed25519(Ed25519PublicKeys.of(ed), Ed25519Provider.JDK)
                .replayGuard(ACCEPT_ALL).clock(clock).build();
        edBcSigner = EnvelopeSigner.ed25519(ed, Ed25519Provider.BOUNCY_CASTLE, clock, Duration.ofSeconds(120));
        edBcVerifier = EnvelopeVerifier.builder("tiny-ml").ed25519(Ed25519PublicKeys.of(ed), Ed25519Provider.BOUNCY_CASTLE)
                .replayGuard(ACCEPT_ALL).clock(clock).build();
        hmacSigned = hmacSigner.sign(call, body);
    }

    @Benchmark
    public Verified hmacSignVerify() {
        SignedMessage m = hmacSigner.sign(call, body);
        return hmacVerifier.verify(m.envelope(), m.body(), TenantExtractor.none());
    }

    @Benchmark
    public SignedMessage hmacSign() {
        return hmacSigner.sign(call, body);
    }

    @Benchmark
    public Verified hmacVerify() {
        return hmacVerifier.verify(hmacSigned.envelope(), hmacSigned.body(), TenantExtractor.none());
    }

    @Benchmark
    public Verified hmacSealedSignVerify() {
        SignedMessage m = hmacSigner.sign(call, body, Sealing.A256GCM);
        return hmacVerifier.verify(m.envelope(), m.body(), TenantExtractor.none());
    }

    @Benchmark
    public Verified ed25519JdkSignVerify() {
        SignedMessage m = edJdkSigner.sign(call, body);
        return edJdkVerifier.verify(m.envelope(), m.body(), TenantExtractor.none());
    }

    @Benchmark
    public Verified ed25519BouncyCastleSignVerify() {
        SignedMessage m = edBcSigner.sign(call, body);
        return edBcVerifier.verify(m.envelope(), m.body(), TenantExtractor.none());
    }
}
