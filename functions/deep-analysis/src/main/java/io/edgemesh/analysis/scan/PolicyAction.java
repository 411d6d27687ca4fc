package io.edgemesh.analysis.scan;

/** What a tenant's policy does with a finding of some {@link Category}. */
public enum PolicyAction {
    /** Report the finding, keep the verdict clean. */
    ALLOW,
    /** Hold the document for a person to look at; it is not indexed. */
    REVIEW,
    /** Quarantine the document. */
    BLOCK;

    public Verdict verdict() {
        return switch (this) {
            case ALLOW -> Verdict.CLEAN;
            case REVIEW -> Verdict.REVIEW;
            case BLOCK -> Verdict.BLOCK;
        };
    }
}
