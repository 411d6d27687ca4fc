package io.edgemesh.envelope;

import io.edgemesh.envelope.internal.Canonical;
import io.edgemesh.envelope.internal.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed header of a call from one layer to another. Every field except {@link #signature()}
 * is covered by the signature through {@link #canonicalBytes()}; the body is covered through
 * {@link #bodySha256()}. The constructor rejects anything outside the documented shapes with
 * {@link RejectReason#MALFORMED}, so an {@code Envelope} that exists is well formed (though not yet
 * verified).
 *
 * @param version     wire version, always {@link #VERSION}
 * @param keyId       which key signed it ({@code [A-Za-z0-9._-]{1,64}})
 * @param algorithm   signature algorithm
 * @param tenantId    the tenant the call acts for ({@code [A-Za-z0-9._:-]{1,128}})
 * @param sourceLayer calling layer id, e.g. {@code ingress} ({@code [a-z0-9-]{1,32}})
 * @param targetLayer layer id the call is addressed to
 * @param operation   what to do, e.g. {@code documents.get} ({@code [A-Za-z0-9._:/-]{1,64}})
 * @param requestId   unique per call; also the replay nonce ({@code [A-Za-z0-9._:-]{1,128}})
 * @param issuedAt    epoch seconds when signed
 * @param expiresAt   epoch seconds after which it is refused
 * @param traceparent W3C trace context ({@code 00-<32 hex>-<16 hex>-<2 hex>}), or empty
 * @param sealing     whether the body is sealed with AES-256-GCM
 * @param bodySha256  lowercase hex SHA-256 of the body bytes as they travel (ciphertext when sealed)
 * @param signature   base64url (no padding) signature over {@link #canonicalBytes()}; empty before signing
 */
public record Envelope(int version, String keyId, Algorithm algorithm, String tenantId, String sourceLayer,
                       String targetLayer, String operation, String requestId, long issuedAt, long expiresAt,
                       String traceparent, Sealing sealing, String bodySha256, String signature) {

    /** The only wire version this library reads and writes. */
    public static final int VERSION = 1;

    /** Field names on the wire, in canonical order (signature last, and not part of the canonical bytes). */
    public static final List<String> FIELD_NAMES = List.of("version", "keyId", "algorithm", "tenantId",
            "sourceLayer", "targetLayer", "operation", "requestId", "issuedAt", "expiresAt", "traceparent",
            "sealing", "bodySha256", "signature");

    public Envelope {
        if (version != VERSION) throw malformed("version");
        Fields.requireToken("keyId", keyId, 64, Fields.KEY_ID);
        if (algorithm == null) throw malformed("algorithm");
        Fields.requireToken("tenantId", tenantId, 128, Fields.ID);
        Fields.requireToken("sourceLayer", sourceLayer, 32, Fields.LAYER);
        Fields.requireToken("targetLayer", targetLayer, 32, Fields.LAYER);
        Fields.requireToken("operation", operation, 64, Fields.OPERATION);
        Fields.requireToken("requestId", requestId, 128, Fields.ID);
        Fields.requireEpochSeconds("issuedAt", issuedAt);
        Fields.requireEpochSeconds("expiresAt", expiresAt);
        if (traceparent == null) traceparent = "";
        if (!traceparent.isEmpty() && !Traceparent.isValid(traceparent)) throw malformed("traceparent");
        if (sealing == null) throw malformed("sealing");
        if (!Fields.isLowerHex(bodySha256, 64)) throw malformed("bodySha256");
        if (signature == null) signature = "";
        if (!signature.isEmpty() && !Fields.isCanonicalBase64Url(signature, 128)) throw malformed("signature");
    }

    /**
     * The bytes the signature covers: {@code "EM1"}, then every field but the signature in the order of
     * {@link #FIELD_NAMES}, each as a 4-byte big-endian length and its UTF-8 bytes. Numbers are decimal
     * without leading zeros, enums their wire names. See the package documentation for a worked example.
     */
    public byte[] canonicalBytes() {
        return Canonical.encode(this, bodySha256);
    }

    /**
     * The associated data for a sealed body: the canonical bytes with an empty body hash, because the
     * hash is of the ciphertext that sealing produces. It can never equal a signable envelope's bytes,
     * whose body hash always has 64 characters.
     */
    public byte[] headerBytes() {
        return Canonical.encode(this, "");
    }

    public Envelope withSignature(String newSignature) {
        return new Envelope(version, keyId, algorithm, tenantId, sourceLayer, targetLayer, operation, requestId,
                issuedAt, expiresAt, traceparent, sealing, bodySha256, newSignature);
    }

    public Envelope withBodySha256(String newBodySha256) {
        return new Envelope(version, keyId, algorithm, tenantId, sourceLayer, targetLayer, operation, requestId,
                issuedAt, expiresAt, traceparent, sealing, newBodySha256, signature);
    }

    /** The wire form: every field as a string (numbers in decimal), in canonical order. */
    public Map<String, String> toFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("version", Integer.toString(version));
        m.put("keyId", keyId);
        m.put("algorithm", algorithm.wireName());
        m.put("tenantId", tenantId);
        m.put("sourceLayer", sourceLayer);
        m.put("targetLayer", targetLayer);
        m.put("operation", operation);
        m.put("requestId", requestId);
        m.put("issuedAt", Long.toString(issuedAt));
        m.put("expiresAt", Long.toString(expiresAt));
        m.put("traceparent", traceparent);
        m.put("sealing", sealing.wireName());
        m.put("bodySha256", bodySha256);
        m.put("signature", signature);
        return m;
    }

    /**
     * Reads the wire form strictly: every field present exactly once, no unknown fields, numbers in
     * canonical decimal. Anything else is {@link RejectReason#MALFORMED}, so that two different inputs
     * never parse to the same envelope.
     */
    public static Envelope fromFields(Map<String, String> fields) {
        if (fields == null) throw malformed("envelope");
        for (String name : fields.keySet()) {
            if (!FIELD_NAMES.contains(name)) throw malformed("unknown field");
        }
        return new Envelope(
                Fields.parseCanonicalInt(field(fields, "version")),
                field(fields, "keyId"),
                Algorithm.fromWire(field(fields, "algorithm")),
                field(fields, "tenantId"),
                field(fields, "sourceLayer"),
                field(fields, "targetLayer"),
                field(fields, "operation"),
                field(fields, "requestId"),
                Fields.parseCanonicalLong(field(fields, "issuedAt")),
                Fields.parseCanonicalLong(field(fields, "expiresAt")),
                field(fields, "traceparent"),
                Sealing.fromWire(field(fields, "sealing")),
                field(fields, "bodySha256"),
                field(fields, "signature"));
    }

    private static String field(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) throw malformed("missing " + name);
        return v;
    }

    private static EnvelopeRejectedException malformed(String what) {
        return new EnvelopeRejectedException(RejectReason.MALFORMED, what);
    }
}
