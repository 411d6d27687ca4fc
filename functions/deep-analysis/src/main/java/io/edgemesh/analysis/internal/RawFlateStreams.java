package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.ScannerPolicy.PdfLimits;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates every zlib stream that follows a {@code stream} keyword in the raw file, without
 * parsing the PDF. PDFBox decodes cross-reference and object streams in memory while it loads a
 * document, so a decompression bomb hidden there would exhaust the heap before any guard built on
 * PDFBox could run; this pass finds it first. It also lets the signature scanner look inside
 * compressed streams of files PDFBox refuses to parse. Nested zlib (a stream compressed twice) is
 * followed a few levels deep.
 */
public final class RawFlateStreams {
    private static final byte[] KEYWORD = "stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_NESTING = 3;
    private static final int CHUNK = 64 * 1024;

    /** Receives the inflated bytes of each stream in order; {@link #end()} closes one stream. */
    public interface Sink {
        void chunk(byte[] b, int off, int len);

        default void end() { }
    }

    /** What the pass saw; {@code bomb} names the first limit exceeded, or is null. */
    public record Result(int streams, long inflatedBytes, String bomb) { }

    private RawFlateStreams() { }

    public static Result scan(byte[] pdf, PdfLimits limits, Sink sink) {
        int streams = 0;
        long total = 0;
        int from = 0;
        while (true) {
            int at = indexOf(pdf, from);
            if (at < 0) break;
            from = at + KEYWORD.length;
            if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') continue;
            int p = at + KEYWORD.length;
            if (p < pdf.length && pdf[p] == '\r') p++;
            if (p < pdf.length && pdf[p] == '\n') p++;
            if (p == at + KEYWORD.length || !BoundedSink.looksLikeZlib(pdf, p, pdf.length - p)) continue;
            streams++;
            Inflated r = inflate(pdf, p, pdf.length - p, limits.maxStreamDecodedBytes(), sink, 0);
            if (sink != null) sink.end();
            total += r.produced;
            if (r.overCap) {
                return new Result(streams, total, "a compressed stream at byte " + p + " inflates beyond "
                        + limits.maxStreamDecodedBytes() + " bytes");
            }
            if (total > limits.maxTotalDecodedBytes()) {
                return new Result(streams, total, "compressed streams inflate beyond " + limits.maxTotalDecodedBytes() + " bytes in total");
            }
            if (r.produced > limits.ratioFloorBytes() && r.consumed > 0 && r.produced / r.consumed > limits.maxCompressionRatio()) {
                return new Result(streams, total, "a compressed stream at byte " + p + " inflates " + (r.produced / r.consumed)
                        + " times (limit " + limits.maxCompressionRatio() + ")");
            }
            if (r.consumed > 0) from = (int) Math.min(pdf.length, p + r.consumed);
        }
        return new Result(streams, total, null);
    }

    private record Inflated(long produced, long consumed, boolean overCap) { }

    private static Inflated inflate(byte[] src, int off, int len, long cap, Sink sink, int depth) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(src, off, len);
            byte[] buf = new byte[CHUNK];
            long produced = 0;
            BoundedSink nested = null;
            boolean first = true;
            while (!inf.finished()) {
                int n;
                try {
                    n = inf.inflate(buf);
                } catch (DataFormatException e) {
                    break; // damaged or not zlib after all: what inflated so far is what counts
                }
                if (n == 0) {
                    if (inf.needsInput() || inf.needsDictionary()) break;
                    continue;
                }
                if (first) {
                    first = false;
                    if (depth < MAX_NESTING && BoundedSink.looksLikeZlib(buf, 0, n)) nested = new BoundedSink(cap, true);
                }
                produced += n;
                if (nested != null) {
                    try {
                        nested.write(buf, 0, n);
                    } catch (LimitExceeded e) {
                        return new Inflated(produced, inf.getBytesRead(), true);
                    }
                } else {
                    if (produced > cap) return new Inflated(produced, inf.getBytesRead(), true);
                    if (sink != null) sink.chunk(buf, 0, n);
                }
            }
            long consumed = inf.getBytesRead();
            if (nested != null) {
                byte[] inner = nested.bytes();
                Inflated r = inflate(inner, 0, inner.length, cap, sink, depth + 1);
                if (r.produced == 0 && sink != null) sink.chunk(inner, 0, inner.length);
                return new Inflated(Math.max(r.produced, produced), consumed, r.overCap);
            }
            return new Inflated(produced, consumed, false);
        } finally {
            inf.end();
        }
    }

    private static int indexOf(byte[] data, int from) {
        outer:
        for (int i = Math.max(0, from), last = data.length - KEYWORD.length; i <= last; i++) {
            if (data[i] != 's') continue;
            for (int k = 1; k < KEYWORD.length; k++) {
                if (data[i + k] != KEYWORD[k]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
