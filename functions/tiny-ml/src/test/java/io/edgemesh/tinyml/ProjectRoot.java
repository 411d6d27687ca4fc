package io.edgemesh.tinyml;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: system property {@code edgemesh.root} (failsafe sets it) or the first parent holding {@code mvnw}. */
public final class ProjectRoot {
    private ProjectRoot() { }

    public static Path get() {
        String prop = System.getProperty("edgemesh.root");
        if (prop != null && !prop.isBlank() && Files.exists(Path.of(prop, "mvnw"))) return Path.of(prop).toAbsolutePath();
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the project root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        return p;
    }

    /** Shared evaluation data, next to the repository: {@code <root>/../shared/data}. */
    public static Path sharedData() { return get().getParent().resolve("shared").resolve("data"); }
}
