package io.edgemesh.backbone.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of recomputing a chain.
 *
 * @param scope          {@code full} when checked from record 1 (anchored at the genesis hash),
 *                       {@code recent} when only the newest records were checked
 * @param firstBrokenSeq the first record that does not verify, or null when valid
 * @param problem        what is wrong with it: {@code hash_mismatch}, {@code prev_hash_mismatch},
 *                       {@code seq_mismatch}, {@code tenant_mismatch}, {@code missing}, {@code unreadable},
 *                       {@code head_mismatch}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, String scope, long checkedFrom, long checkedTo, long headSeq,
                                Long firstBrokenSeq, String problem) { }
