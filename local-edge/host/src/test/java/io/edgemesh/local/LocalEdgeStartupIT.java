package io.edgemesh.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.common.Json;
import io.edgemesh.local.support.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local edge as {@code ./edgemesh dev} runs it, with its own servers (not the shared test
 * instance): the ready line, health and demo in memory; state kept across a restart with a data
 * folder; and the start-up faults (second instance, busy port, unusable folder) refused cleanly.
 */
class LocalEdgeStartupIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMainPrintsOneReadyLineThenHealthIs200AndDemoServesAPage() throws Exception {
        // GIVEN ./edgemesh dev --in-memory --port N, in process
        int port = freePort();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LocalEdge edge = LocalEdgeMain.run(new String[] {"--in-memory", "--port", Integer.toString(port)},
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of("EDGEMESH_ADMIN_TOKEN", "fixed-admin-token-0123"))) {
            // THEN one line says ready with the base URL, and the banner shows the admin token
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.stream().filter(l -> l.contains("ready")).toList())
                    .singleElement().asString().contains("http://127.0.0.1:" + port);
            assertThat(lines.get(0)).contains("ready");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("/demo").contains("fixed-admin-token-0123");
            // AND health is 200 with every embedded server up, and the demo page is served
            HttpResponse<String> health = get(edge.baseUrl() + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Json.parse(health.body()).path("servers")).hasSize(3)
                    .allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("up"));
            HttpResponse<String> demo = get(edge.baseUrl() + "/demo");
            assertThat(demo.statusCode()).isEqualTo(200);
            assertThat(demo.body()).contains("<title>EdgeMesh demo</title>");
        }
    }

    @Test
    void stateSurvivesARestartWithADataFolderAndNothingIsNotifiedTwice() throws Exception {
        Path data = temp.resolve("data");
        LocalEdgeConfig config = LocalEdgeConfig.inMemory().withDataDir(data).withDemoTenant(false)
                .withS3ScanInterval(Duration.ofMillis(100)).withFunctions(FunctionFactory.of(Map.of()));
        String adminToken;
        String scanQueue;
        // GIVEN a first run that writes a tenant row, a queue message and an upload
        try (LocalEdge first = LocalEdge.start(config)) {
            adminToken = first.adminToken();
            first.emulators().dynamoDb().putItem(b -> b.tableName(first.provisioned().table("tenants"))
                    .item(Map.of("tenantId", AttributeValue.fromS("acme"), "sk", AttributeValue.fromS("PROFILE"))));
            scanQueue = first.provisioned().queueUrl("scan-type");
            String queue = scanQueue;
            first.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody("kept"));
            first.emulators().s3().putObject(b -> b.bucket(first.provisioned().bucket("uploads")).key("tenants/acme/incoming/a.pdf"),
                    RequestBody.fromString("%PDF-1.4"));
            Await.until(Duration.ofSeconds(30), "the notification", () -> first.notificationsDelivered() == 4);
            assertThat(depth(first, queue)).isEqualTo(2);

            // AND while it runs, a second instance on the same folder is refused (another process, as a user would do it)
            Process second = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    LocalEdgeMain.class.getName(), "--data", data.toString(), "--port", Integer.toString(freePort()))
                    .redirectErrorStream(true).start();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(secondOut).isEqualTo(StartupException.Reason.DATA_DIR_LOCKED.exitCode());
            assertThat(secondOut).contains("in use by another EdgeMesh local edge");
        }
        // WHEN it restarts on the same folder
        try (LocalEdge again = LocalEdge.start(config)) {
            // THEN the row, the message, the object and the secrets are still there
            var item = again.emulators().dynamoDb().getItem(b -> b.tableName(again.provisioned().table("tenants"))
                    .key(Map.of("tenantId", AttributeValue.fromS("acme"), "sk", AttributeValue.fromS("PROFILE"))));
            assertThat(item.hasItem()).isTrue();
            assertThat(again.adminToken()).isEqualTo(adminToken);
            assertThat(again.emulators().s3().headObject(b -> b.bucket(again.provisioned().bucket("uploads"))
                    .key("tenants/acme/incoming/a.pdf")).contentLength()).isEqualTo(8);
            // AND the upload already announced is not announced again
            Thread.sleep(1_000); // ten scan intervals
            assertThat(again.notificationsDelivered()).isZero();
            assertThat(depth(again, again.provisioned().queueUrl("scan-type"))).isEqualTo(2);
        }
    }

    @Test
    void aBusyPortOrAFileAsDataFolderIsAClearErrorAndStartsNothing() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalEdge.start(LocalEdgeConfig.inMemory().withPort(busy.getLocalPort())))
                    .isInstanceOfSatisfying(StartupException.class, e -> {
                        assertThat(e.reason()).isEqualTo(StartupException.Reason.PORT_IN_USE);
                        assertThat(e.getMessage()).contains(Integer.toString(busy.getLocalPort())).contains("--port");
                    });
        }
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> LocalEdge.start(LocalEdgeConfig.inMemory().withDataDir(file)))
                .isInstanceOfSatisfying(StartupException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StartupException.Reason.DATA_DIR_UNUSABLE);
                    assertThat(e.getMessage()).contains("not a folder");
                });
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    private static long depth(LocalEdge edge, String url) {
        Map<QueueAttributeName, String> a = edge.emulators().sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

}
