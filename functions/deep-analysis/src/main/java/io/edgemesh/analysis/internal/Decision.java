package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.Finding;
import io.edgemesh.analysis.scan.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the document becomes once every scanner has answered. Any block quarantines; otherwise any
 * error fails the document (a scanner kept failing); otherwise any review holds it in quarantine
 * for a person; only four clean verdicts on the same bytes release it for indexing.
 */
public record Decision(Kind kind, List<String> reasons, List<String> scanners, String sha256) {

    /** The document status and {@code scan-status} object tag each outcome leads to. */
    public enum Kind {
        CLEAN("indexing", "CLEAN"),
        QUARANTINED("quarantined", "INFECTED"),
        REVIEW("quarantined", "REVIEW"),
        FAILED("failed", "ERROR");

        private final String status;
        private final String tag;

        Kind(String status, String tag) {
            this.status = status;
            this.tag = tag;
        }

        public String status() {
            return status;
        }

        public String tag() {
            return tag;
        }

        public boolean quarantines() {
            return this == QUARANTINED || this == REVIEW;
        }
    }

    public Decision {
        reasons = List.copyOf(reasons);
        scanners = List.copyOf(scanners);
    }

    public static Decision decide(Map<String, RecordedVerdict> verdicts) {
        Map<String, RecordedVerdict> sorted = new TreeMap<>(verdicts);
        Set<String> digests = new LinkedHashSet<>();
        sorted.values().forEach(v -> {
            if (v.sha256() != null) digests.add(v.sha256());
        });
        String sha = digests.size() == 1 ? digests.iterator().next() : null;
        Verdict worst = Verdict.CLEAN;
        for (RecordedVerdict v : sorted.values()) worst = Verdict.worst(worst, v.verdict());
        if (digests.size() > 1) {
            return new Decision(Kind.QUARANTINED, List.of("the object changed while it was being scanned ("
                    + digests.size() + " different SHA-256 digests)"), List.copyOf(sorted.keySet()), null);
        }
        Kind kind = switch (worst) {
            case BLOCK -> Kind.QUARANTINED;
            case ERROR -> Kind.FAILED;
            case REVIEW -> Kind.REVIEW;
            case CLEAN -> Kind.CLEAN;
        };
        List<String> reasons = new ArrayList<>();
        List<String> scanners = new ArrayList<>();
        for (RecordedVerdict v : sorted.values()) {
            if (v.verdict() != worst) continue;
            scanners.add(v.scanner());
            if (v.verdict() == Verdict.ERROR) {
                reasons.add(v.scanner() + ": " + (v.error() == null ? "failed" : v.error()));
            }
            for (Finding f : v.findings()) {
                if (f.action().verdict() == worst) reasons.add(v.scanner() + ": " + f.reason());
            }
        }
        return new Decision(kind, reasons, scanners, sha);
    }
}
