package io.edgemesh.analysis.internal;

/**
 * Knuth-Morris-Pratt search for one byte pattern, usable over a sequence of chunks so a match that
 * straddles two reads (or two decoded buffers) is still found. Not thread-safe: make one
 * {@link Matcher} per scan.
 */
public final class BytePattern {
    private final byte[] pattern;
    private final int[] failure;

    public BytePattern(byte[] pattern) {
        if (pattern.length == 0) throw new IllegalArgumentException("empty pattern");
        this.pattern = pattern.clone();
        this.failure = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[k] != pattern[i]) k = failure[k - 1];
            if (pattern[k] == pattern[i]) k++;
            failure[i] = k;
        }
    }

    public boolean foundIn(byte[] data) {
        return foundIn(data, 0, data.length);
    }

    public boolean foundIn(byte[] data, int off, int len) {
        Matcher m = matcher();
        return m.feed(data, off, len);
    }

    public Matcher matcher() {
        return new Matcher();
    }

    /** Streaming state: feed chunks in order; true once the pattern has been seen. */
    public final class Matcher {
        private int state;
        private boolean found;

        public boolean feed(byte[] data, int off, int len) {
            if (found) return true;
            int k = state;
            for (int i = off, end = off + len; i < end; i++) {
                byte b = data[i];
                while (k > 0 && pattern[k] != b) k = failure[k - 1];
                if (pattern[k] == b) k++;
                if (k == pattern.length) {
                    found = true;
                    return true;
                }
            }
            state = k;
            return false;
        }

        public boolean found() {
            return found;
        }
    }
}
