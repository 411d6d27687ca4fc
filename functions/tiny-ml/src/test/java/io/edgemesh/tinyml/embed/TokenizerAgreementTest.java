package io.edgemesh.tinyml.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgemesh.tinyml.ProjectRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our WordPiece tokenizer must give the ids Hugging Face's own implementation gives for the same
 * {@code tokenizer.json}; the reference is transformers.js (from {@code tools/node}, run by Node), which
 * nobody here wrote. Node is a documented prerequisite: without it this test fails and says so.
 */
class TokenizerAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> sentences;
    private static List<int[]> reference;

    @BeforeAll
    static void runReference() throws Exception {
        Path root = ProjectRoot.get();
        Path pkg = root.resolve("tools/node/node_modules/@huggingface/transformers");
        if (!Files.isDirectory(pkg)) {
            fail("transformers.js is missing at " + pkg + ": run `npm ci --ignore-scripts` in tools/node");
        }
        Path work = Path.of("target", "tokenizer-reference").toAbsolutePath();
        Path model = work.resolve("minilm");
        Files.createDirectories(model);
        try (InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(MiniLm.TOKENIZER_RESOURCE)) {
            assertThat(in).as("tokenizer.json on the classpath").isNotNull();
            Files.copy(in, model.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(model.resolve("config.json"), "{\"model_type\":\"bert\"}");
        Files.writeString(model.resolve("tokenizer_config.json"), "{}");
        Path script = work.resolve("encode.mjs");
        Path sentencesFile = work.resolve("sentences.json");
        copyResource("/tokenizer/encode.mjs", script);
        copyResource("/tokenizer/sentences.json", sentencesFile);
        sentences = JSON.readValue(sentencesFile.toFile(), new TypeReference<>() { });

        List<String> cmd = List.of("node", script.toString(), pkg.toString(), work.toString(), "minilm", sentencesFile.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            fail("Node.js is required for the tokenizer agreement test (a documented prerequisite) but `node` "
                    + "could not be started: " + e.getMessage());
            return;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("the transformers.js reference failed (exit " + p.exitValue() + "): " + new String(out, StandardCharsets.UTF_8));
        }
        reference = JSON.readValue(out, new TypeReference<List<int[]>>() { });
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = TokenizerAgreementTest.class.getResourceAsStream(name)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void givenTheReferenceExample_whenEncoded_thenIdsAreTheDocumentedOnes() {
        assertThat(MiniLm.tokenizer().encode("Hello, world!", 512).ids()).containsExactly(101, 7592, 1010, 2088, 999, 102);
    }

    @Test
    void givenManyLanguagesAndOddCharacters_whenEncoded_thenIdsEqualTransformersJs() {
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(30);
        assertThat(reference).hasSameSizeAs(sentences);
        assertThat(reference.get(0)).as("the reference itself, on its documented example").containsExactly(101, 7592, 1010, 2088, 999, 102);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            int[] ours = MiniLm.tokenizer().encode(sentences.get(i), 512).ids();
            if (!java.util.Arrays.equals(ours, reference.get(i))) {
                mismatches.add("\"" + sentences.get(i) + "\"\n  ours: " + java.util.Arrays.toString(ours)
                        + "\n  ref:  " + java.util.Arrays.toString(reference.get(i)));
            }
        }
        assertThat(mismatches).as("sentences whose ids differ from transformers.js").isEmpty();
    }

    @Test
    void givenALongText_whenEncodedWithALimit_thenItIsTruncatedAndKeepsSeparators() {
        Encoding e = MiniLm.tokenizer().encode("word ".repeat(600), 256);
        assertThat(e.length()).isEqualTo(256);
        assertThat(e.truncated()).isTrue();
        assertThat(e.ids()[0]).isEqualTo(101);
        assertThat(e.ids()[255]).isEqualTo(102);
    }
}
