package io.edgemesh.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Emulator child JVMs never outlive their parent, and a data folder survives everything being killed. */
class ChildLifecycleIT {

    @TempDir
    Path dataDir;

    @Test
    void childrenIgnoreCtrlCButExitWhenTheParentIsKilledWithSigkill() throws Exception {
        // GIVEN a JVM running emulators
        Process parent = startHolder();
        List<Long> children = awaitChildren(parent);
        // WHEN the children get the SIGINT a terminal's Ctrl-C sends to the whole process group
        for (long pid : children) {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        }
        Thread.sleep(1_000);
        // THEN they keep serving until their parent decides
        assertThat(children).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true));
        // WHEN the parent is killed without any chance to run shutdown hooks
        parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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

    @Test
    void aDataFolderIsUsableAndKeepsItsDataAfterEveryProcessWasKilledWithSigkill() throws Exception {
        // GIVEN a JVM that wrote an item, an object and a message on a data folder
        Process parent = startHolder(dataDir.toString());
        List<Long> children = awaitChildren(parent);
        // WHEN the parent and all its servers die at once (power cut, kill -9 of the group)
        parent.destroyForcibly();
        children.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        parent.waitFor(10, TimeUnit.SECONDS);
        for (long pid : children) {
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        }
        // THEN a new instance takes the folder (no stale lock) and finds the data
        try (Emulators again = Emulators.start(EmulatorOptions.persistent(dataDir))) {
            Provisioned p = again.provision("edgemesh");
            assertThat(again.dynamoDb().getItem(b -> b.tableName(p.table("documents")).consistentRead(true).key(Map.of(
                    "tenantId", AttributeValue.fromS("t-crash"), "documentId", AttributeValue.fromS("d1")))).hasItem()).isTrue();
            assertThat(again.s3().getObjectAsBytes(b -> b.bucket(p.bucket("uploads")).key("tenants/t-crash/incoming/d1"))
                    .asUtf8String()).isEqualTo("kept");
            assertThat(again.sqs().receiveMessage(b -> b.queueUrl(p.queueUrl("scan-type")).waitTimeSeconds(2)).messages())
                    .extracting(Message::body).containsExactly("{\"d\":\"d1\"}");
        }
    }

    private static Process startHolder(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), EmulatorsHolderMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<Long> awaitChildren(Process parent) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PIDS ")) {
            parent.destroyForcibly();
            throw new AssertionError("holder did not start emulators: " + line);
        }
        List<Long> children = Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).toList();
        assertThat(children).hasSize(3).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        return children;
    }
}
