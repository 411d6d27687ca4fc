package io.edgemesh.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Emulator child JVMs never outlive their parent, even when the parent is killed with SIGKILL. */
class ChildLifecycleIT {

    @Test
    void childrenExitWhenTheParentIsKilledWithSigkill() throws Exception {
        // GIVEN a JVM running emulators
        Process parent = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), EmulatorsHolderMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> children;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("PIDS ");
            children = Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).toList();
            assertThat(children).hasSize(3).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        } finally {
            // WHEN it is killed without any chance to run shutdown hooks
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // THEN every child notices its closed stdin and exits
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (long pid : children) {
            Optional<ProcessHandle> child = ProcessHandle.of(pid);
            while (child.isPresent() && child.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(child.map(ProcessHandle::isAlive).orElse(false)).as("child %d alive", pid).isFalse();
        }
    }
}
