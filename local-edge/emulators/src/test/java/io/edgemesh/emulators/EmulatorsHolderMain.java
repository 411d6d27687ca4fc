package io.edgemesh.emulators;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Test helper run in another JVM: starts emulators (in memory, or on the folder given as argument,
 * then provisions and writes one item, object and message), prints the children's pids, waits forever.
 */
public final class EmulatorsHolderMain {

    private EmulatorsHolderMain() { }

    public static void main(String[] args) throws Exception {
        Emulators emulators = Emulators.start(args.length == 0 ? EmulatorOptions.inMemory()
                : EmulatorOptions.persistent(Path.of(args[0])));
        if (args.length > 0) {
            Provisioned p = emulators.provision("edgemesh");
            emulators.dynamoDb().putItem(b -> b.tableName(p.table("documents")).item(Map.of(
                    "tenantId", AttributeValue.fromS("t-crash"), "documentId", AttributeValue.fromS("d1"))));
            emulators.s3().putObject(b -> b.bucket(p.bucket("uploads")).key("tenants/t-crash/incoming/d1"),
                    RequestBody.fromString("kept"));
            emulators.sqs().sendMessage(b -> b.queueUrl(p.queueUrl("scan-type")).messageBody("{\"d\":\"d1\"}"));
        }
        StringBuilder pids = new StringBuilder("PIDS");
        emulators.health().values().forEach(v -> pids.append(' ').append(((Map<?, ?>) v).get("pid")));
        System.out.println(pids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
