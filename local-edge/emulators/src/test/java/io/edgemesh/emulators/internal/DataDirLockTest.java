package io.edgemesh.emulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.emulators.EmulatorException;
import io.edgemesh.emulators.EmulatorException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void aHeldLockRefusesASecondHolderNamingThisProcess() {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            assertThat(dir.resolve(DataDirLock.FILE_NAME)).content().contains("pid=" + ProcessHandle.current().pid());
            assertThatThrownBy(() -> DataDirLock.acquire(dir))
                    .isInstanceOfSatisfying(EmulatorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_DIR_LOCKED))
                    .hasMessageContaining("process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aReleasedLockCanBeTakenAgain() {
        DataDirLock.acquire(dir).close();
        try (DataDirLock again = DataDirLock.acquire(dir)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aMissingFolderIsReportedAsUnusable() {
        assertThatThrownBy(() -> DataDirLock.acquire(dir.resolve("missing")))
                .isInstanceOfSatisfying(EmulatorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_DIR_UNUSABLE));
    }

    @Test
    void aStaleLockFileLeftByADeadProcessDoesNotBlock() throws Exception {
        Files.writeString(dir.resolve(DataDirLock.FILE_NAME), "pid=999999\n");
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertThat(dir.resolve(DataDirLock.FILE_NAME)).content().isEqualTo("pid=" + ProcessHandle.current().pid() + "\n");
        }
    }
}
