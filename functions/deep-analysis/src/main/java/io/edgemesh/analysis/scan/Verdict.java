package io.edgemesh.analysis.scan;

/**
 * What one scanner says about one document. Ordered by severity so the worst of several can be
 * taken with {@link #worst}: ERROR is not "worse" than BLOCK, because a block is final while an
 * error only means "ask again".
 */
public enum Verdict {
    CLEAN, REVIEW, ERROR, BLOCK;

    public static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
