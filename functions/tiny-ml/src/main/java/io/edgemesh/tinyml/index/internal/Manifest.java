package io.edgemesh.tinyml.index.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last object written for an index version: every file with its size and SHA-256. A version without
 * a manifest is incomplete and never read; a file that does not match its line is refused.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(int format, String tenantId, long version, String versionId, String createdAt, List<FileEntry> files) {

    public static final String NAME = "manifest.json";
    /** Lucene file names: letters, digits, underscore, dot; never a path. */
    private static final Pattern SAFE_NAME = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}$");

    public Manifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public record FileEntry(String name, long size, String sha256) {
        public FileEntry {
            if (name == null || !SAFE_NAME.matcher(name).matches() || name.equals(NAME)) {
                throw new IllegalArgumentException("unsafe index file name in manifest: " + name);
            }
        }
    }
}
