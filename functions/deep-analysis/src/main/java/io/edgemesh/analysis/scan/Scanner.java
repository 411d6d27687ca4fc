package io.edgemesh.analysis.scan;

/**
 * One independent look at an upload. Implementations never throw for anything the document
 * contains: a hostile document is a BLOCK verdict, an unavailable dependency an ERROR result.
 * They must be safe to call from several threads.
 */
public interface Scanner {

    /** Stable name, used in the scans table key ({@code <documentId>#<name>}) and in verdicts. */
    String name();

    ScanResult scan(ScanInput in);
}
