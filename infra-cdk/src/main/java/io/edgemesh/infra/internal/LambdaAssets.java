package io.edgemesh.infra.internal;

import io.edgemesh.routes.FunctionDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds each function's Lambda package: the shaded {@code target/<artifact>-<version>-lambda.jar}
 * of the Maven module named in its {@link FunctionDef}. A missing package is a build-order error,
 * reported with the command that fixes it rather than a CloudFormation failure later.
 */
public final class LambdaAssets {
    private final Path root;

    public LambdaAssets(Path root) {
        this.root = root;
    }

    public Path jarFor(FunctionDef fn) {
        Path target = root.resolve(fn.module()).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                var jar = s.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst();
                if (jar.isPresent()) return jar.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no Lambda package for function '" + fn.name() + "' under " + target
                + ": build it first with ./mvnw -B package -DskipTests (module " + fn.module() + ")");
    }
}
