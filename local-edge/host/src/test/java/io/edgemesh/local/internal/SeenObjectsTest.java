package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenObjectsTest {

    @TempDir
    Path dir;

    @Test
    void recordedEntriesSurviveAReopenAndATornLastLineIsIgnored() throws Exception {
        Path file = dir.resolve("seen.log");
        try (SeenObjects s = SeenObjects.persistent(file)) {
            s.record("q1\tb\tk\te\t1\t2");
            s.record("q2\tb\tk\te\t1\t2");
        }
        // a crash in the middle of a write leaves half a line
        Files.writeString(file, "q3\tb\tk", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (SeenObjects s = SeenObjects.persistent(file)) {
            assertThat(s.contains("q1\tb\tk\te\t1\t2")).isTrue();
            assertThat(s.contains("q2\tb\tk\te\t1\t2")).isTrue();
            assertThat(s.contains("q3\tb\tk")).isFalse();
            assertThat(s.size()).isEqualTo(2);
            s.record("q4\tb\tk\te\t1\t2");
        }
        try (SeenObjects s = SeenObjects.persistent(file)) {
            assertThat(s.contains("q4\tb\tk\te\t1\t2")).isTrue();
            assertThat(s.size()).isEqualTo(3);
        }
    }
}
