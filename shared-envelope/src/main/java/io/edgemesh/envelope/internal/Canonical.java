package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.Envelope;

/**
 * Encodes the canonical bytes of an envelope. Every field is ASCII after {@link Envelope}'s checks,
 * so its UTF-8 bytes are its chars; the encoder writes them straight into one exactly sized array.
 */
public final class Canonical {
    private Canonical() { }

    static final byte[] MAGIC = {'E', 'M', '1'};

    public static byte[] encode(Envelope e, String bodySha256) {
        String version = Integer.toString(e.version());
        String issuedAt = Long.toString(e.issuedAt());
        String expiresAt = Long.toString(e.expiresAt());
        String[] fields = {version, e.keyId(), e.algorithm().wireName(), e.tenantId(), e.sourceLayer(),
                e.targetLayer(), e.operation(), e.requestId(), issuedAt, expiresAt, e.traceparent(),
                e.sealing().wireName(), bodySha256};
        int size = MAGIC.length;
        for (String f : fields) size += 4 + f.length();
        byte[] out = new byte[size];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        int p = MAGIC.length;
        for (String f : fields) {
            int n = f.length();
            out[p++] = (byte) (n >>> 24);
            out[p++] = (byte) (n >>> 16);
            out[p++] = (byte) (n >>> 8);
            out[p++] = (byte) n;
            for (int i = 0; i < n; i++) {
                char c = f.charAt(i);
                if (c > 0x7f) throw new IllegalStateException("non-ASCII field passed validation");
                out[p++] = (byte) c;
            }
        }
        return out;
    }
}
