package io.edgemesh.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.emulators.EmulatorException.Reason;
import io.edgemesh.emulators.internal.LockHolderMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A data folder keeps state across restarts, belongs to one instance at a time, and bad setups fail clearly. */
class PersistentEmulatorsIT {

    @TempDir
    Path dataDir;

    @Test
    void tablesItemsObjectsQueuesAndMessagesSurviveARestart() {
        Map<String, AttributeValue> key = Map.of("tenantId", AttributeValue.fromS("t-restart"), "sk", AttributeValue.fromS("PROFILE"));
        // GIVEN an instance on a data folder, provisioned, with an item, an object, and two messages
        // (one never received, one received once and made visible again)
        try (Emulators first = Emulators.start(EmulatorOptions.persistent(dataDir))) {
            Provisioned p = first.provision("edgemesh");
            first.dynamoDb().putItem(b -> b.tableName(p.table("tenants")).item(Map.of(
                    "tenantId", AttributeValue.fromS("t-restart"), "sk", AttributeValue.fromS("PROFILE"),
                    "plan", AttributeValue.fromS("pro"))));
            first.s3().putObject(b -> b.bucket(p.bucket("uploads")).key("tenants/t-restart/incoming/doc.pdf"),
                    RequestBody.fromString("%PDF-1.7 kept"));
            String url = p.queueUrl("index-requests.fifo");
            first.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"n\":1}")
                    .messageGroupId("t-restart").messageDeduplicationId("evt-1"));
            first.sqs().sendMessage(b -> b.queueUrl(p.queueUrl("scan-type")).messageBody("{\"n\":2}"));
            Message once = first.sqs().receiveMessage(b -> b.queueUrl(p.queueUrl("scan-type")).waitTimeSeconds(2))
                    .messages().get(0);
            first.sqs().changeMessageVisibility(b -> b.queueUrl(p.queueUrl("scan-type"))
                    .receiptHandle(once.receiptHandle()).visibilityTimeout(0));
        }
        // WHEN a new instance starts on the same folder (on other ports) and provisions again
        try (Emulators second = Emulators.start(EmulatorOptions.persistent(dataDir))) {
            Provisioned p = second.provision("edgemesh");
            // THEN the item, the object and both messages are still there, the receive count too
            assertThat(second.dynamoDb().getItem(b -> b.tableName(p.table("tenants")).key(key).consistentRead(true))
                    .item()).containsEntry("plan", AttributeValue.fromS("pro"));
            assertThat(second.s3().getObjectAsBytes(b -> b.bucket(p.bucket("uploads"))
                    .key("tenants/t-restart/incoming/doc.pdf")).asUtf8String()).isEqualTo("%PDF-1.7 kept");
            List<Message> fifo = second.sqs().receiveMessage(b -> b.queueUrl(p.queueUrl("index-requests.fifo"))
                    .waitTimeSeconds(2)).messages();
            assertThat(fifo).extracting(Message::body).containsExactly("{\"n\":1}");
            List<Message> standard = second.sqs().receiveMessage(b -> b.queueUrl(p.queueUrl("scan-type"))
                    .waitTimeSeconds(2).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages();
            assertThat(standard).extracting(Message::body).containsExactly("{\"n\":2}");
            assertThat(standard.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataFolderIsRefusedAndTheFirstKeepsWorking() {
        try (Emulators first = Emulators.start(EmulatorOptions.persistent(dataDir))) {
            assertThatThrownBy(() -> Emulators.start(EmulatorOptions.persistent(dataDir)))
                    .isInstanceOfSatisfying(EmulatorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_DIR_LOCKED))
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("already used by another EdgeMesh instance");
            assertThat(first.healthy()).isTrue();
        }
    }

    @Test
    void aDataFolderLockedByAnotherProcessIsRefusedWithItsPid() throws Exception {
        // GIVEN another JVM holding the data folder's lock
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("LOCKED");
            // WHEN this JVM starts on the same folder
            // THEN it is refused, naming the holder, before any server starts
            assertThatThrownBy(() -> Emulators.start(EmulatorOptions.persistent(dataDir)))
                    .isInstanceOfSatisfying(EmulatorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_DIR_LOCKED))
                    .hasMessageContaining("process " + holder.pid());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
    }

    @Test
    void aDataFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> Emulators.start(EmulatorOptions.persistent(file)))
                .isInstanceOfSatisfying(EmulatorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATA_DIR_UNUSABLE))
                .hasMessageContaining(file.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dynamodb", "sqs", "s3"})
    void aPortInUseFailsWithTheNameOfThePortAndLeavesNothingRunning(String server) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            EmulatorOptions options = switch (server) {
                case "dynamodb" -> EmulatorOptions.inMemory().withPorts(port, 0, 0);
                case "sqs" -> EmulatorOptions.inMemory().withPorts(0, port, 0);
                default -> EmulatorOptions.inMemory().withPorts(0, 0, port);
            };
            long childrenBefore = ProcessHandle.current().children().count();
            assertThatThrownBy(() -> Emulators.start(options))
                    .isInstanceOfSatisfying(EmulatorException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PORT_IN_USE))
                    .hasMessageContaining("port " + port);
            assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isEqualTo(childrenBefore);
        }
    }

}
