package io.edgemesh.tinyml.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Lambda package (target/tiny-ml-*-lambda.jar) works on its own: the shade filters that strip foreign
 * ONNX natives, Lingua's other languages and most of fastutil removed nothing the functions load.
 */
class LambdaJarIT {

    @Test
    void givenTheLambdaPackage_whenEveryLibraryPathRunsFromIt_thenNothingIsMissingAndOnlyLinuxNativesRemain() throws Exception {
        Path jar;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            jar = s.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*-lambda.jar: run the package phase"));
        }
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            List<String> natives = zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("ai/onnxruntime/native/") && !n.endsWith("/")).toList();
            assertThat(natives).isNotEmpty().allMatch(n -> n.startsWith("ai/onnxruntime/native/linux-x64/")
                    || n.startsWith("ai/onnxruntime/native/linux-aarch64/"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", jar + File.pathSeparator + Path.of("target", "test-classes"),
                LambdaJarSmoke.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.strip()).endsWith("OK");
    }
}
