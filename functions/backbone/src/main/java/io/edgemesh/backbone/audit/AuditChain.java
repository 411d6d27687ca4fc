package io.edgemesh.backbone.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.backbone.internal.Hashing;
import io.edgemesh.common.Json;
import io.edgemesh.events.AuditEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The chain's pure rules: the canonical form that is hashed, sealing a record onto a chain, and
 * verification.
 *
 * <p>Canonical form: the record as JSON without {@code hash}, object keys sorted by UTF-16 code units
 * at every depth, no insignificant white space, strings escaped as Jackson writes them, numbers in
 * Jackson's shortest form (the style of RFC 8785; the records are written and re-read by this same
 * code, which is what the hash needs to be stable). {@code prevHash} is inside the hashed content,
 * so changing any earlier record changes every later hash.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() { }

    /** The next record after ({@code prevSeq}, {@code prevHash}) for {@code event}, hash computed. */
    public static AuditRecord seal(AuditEvent event, long prevSeq, String prevHash) {
        AuditRecord unsealed = new AuditRecord(event.tenantId(), prevSeq + 1, event.auditId(), event.occurredAt().toString(),
                event.action(), event.actor(), event.resourceId(), event.outcome(), event.details(), prevHash, null);
        return withHash(unsealed, hashOf(Json.MAPPER.valueToTree(unsealed)));
    }

    /** SHA-256 hex of the canonical form of {@code record} (its {@code hash} field ignored). */
    public static String hashOf(JsonNode record) {
        ObjectNode copy = ((ObjectNode) record).deepCopy();
        copy.remove("hash");
        return Hashing.sha256Hex(canonical(copy));
    }

    /** The bytes stored in S3: canonical JSON including the hash. */
    public static String toJson(AuditRecord record) { return canonical(Json.MAPPER.valueToTree(record)); }

    public static String canonical(JsonNode node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
            names.sort(null);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(quote(names.get(i))).append(':');
                write(n.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) sb.append(',');
                write(n.get(i), sb);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            sb.append(quote(n.textValue()));
        } else {
            sb.append(n.toString()); // numbers, booleans, null
        }
    }

    private static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(r.tenantId(), r.seq(), r.eventId(), r.time(), r.type(), r.actor(), r.resourceId(), r.outcome(),
                r.details(), r.prevHash(), hash);
    }

    /**
     * Verifies stored records {@code from..to} (a gap is an empty Optional): each must parse, belong to
     * {@code tenantId}, carry its own seq, hash to its {@code hash}, and point at the previous record's
     * hash; the first must point at {@code anchorPrevHash} (the genesis hash for seq 1) and the last
     * must equal the chain head's hash.
     */
    public static ChainVerification verify(String tenantId, long from, List<Optional<String>> stored, String anchorPrevHash,
                                           long headSeq, String headHash) {
        String scope = from == 1 ? "full" : "recent";
        long to = from + stored.size() - 1;
        String expectedPrev = anchorPrevHash;
        for (int i = 0; i < stored.size(); i++) {
            long seq = from + i;
            if (stored.get(i).isEmpty()) return broken(scope, from, to, headSeq, seq, "missing");
            JsonNode r;
            try {
                r = Json.parse(stored.get(i).get());
            } catch (RuntimeException e) {
                return broken(scope, from, to, headSeq, seq, "unreadable");
            }
            if (!r.isObject()) return broken(scope, from, to, headSeq, seq, "unreadable");
            if (!tenantId.equals(r.path("tenantId").asText(null))) return broken(scope, from, to, headSeq, seq, "tenant_mismatch");
            if (!r.path("seq").canConvertToLong() || r.path("seq").asLong() != seq) {
                return broken(scope, from, to, headSeq, seq, "seq_mismatch");
            }
            String hash = r.path("hash").asText("");
            if (!Hashing.constantTimeEquals(hashOf(r), hash)) return broken(scope, from, to, headSeq, seq, "hash_mismatch");
            if (expectedPrev != null && !expectedPrev.equals(r.path("prevHash").asText(""))) {
                return broken(scope, from, to, headSeq, seq, "prev_hash_mismatch");
            }
            expectedPrev = hash;
        }
        boolean headOk = to == headSeq && (headSeq == 0 ? headHash == null || headHash.equals(GENESIS) : headHash != null
                && headHash.equals(expectedPrev));
        if (!headOk) return broken(scope, from, to, headSeq, Math.min(to + 1, headSeq), "head_mismatch");
        return new ChainVerification(true, scope, from, to, headSeq, null, null);
    }

    private static ChainVerification broken(String scope, long from, long to, long headSeq, long seq, String problem) {
        return new ChainVerification(false, scope, from, to, headSeq, seq, problem);
    }
}
