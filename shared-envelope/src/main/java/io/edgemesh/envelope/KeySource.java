package io.edgemesh.envelope;

import io.edgemesh.envelope.internal.EnvKeySource;
import io.edgemesh.envelope.internal.SecretsManagerKeySource;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where a function gets its HMAC {@link KeyRing}: a fixed ring, the environment for local runs, or
 * AWS Secrets Manager (cached and refreshed) in Lambda.
 */
public interface KeySource {

    /** The ring to use now. Cheap: called on every sign and verify. */
    KeyRing current();

    /**
     * A ring that is as fresh as the source allows, called when a verifier meets an unknown key id
     * (a rotation may have added it since the last refresh). Sources that can refresh rate-limit it
     * so that made-up key ids cannot hammer the backing store.
     */
    default KeyRing refreshed() { return current(); }

    static KeySource of(KeyRing ring) {
        return () -> ring;
    }

    /**
     * Parses {@code kid1:base64key,kid2:base64key}; the first key signs. Keys may be standard or
     * URL-safe base64 and must decode to at least {@value KeyRing#MIN_KEY_BYTES} bytes.
     *
     * @throws IllegalArgumentException naming the bad entry (never the key bytes)
     */
    static KeySource fromSpec(String spec) {
        return of(EnvKeySource.parse(spec));
    }

    /**
     * A ring from a Secrets Manager secret {@code {"primary":"kid","keys":{"kid":"base64"}}}, read
     * at most once per {@code refreshInterval}; when a refresh fails the last good ring stays in use.
     * Needs {@code software.amazon.awssdk:secretsmanager} on the class path.
     */
    static KeySource secretsManager(SecretsManagerClient client, String secretId, Duration refreshInterval, Clock clock) {
        return new SecretsManagerKeySource(client, secretId, refreshInterval, clock);
    }
}
