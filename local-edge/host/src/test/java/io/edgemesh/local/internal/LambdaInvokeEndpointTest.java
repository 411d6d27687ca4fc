package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgemesh.common.Json;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.FunctionDef;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaInvokeEndpointTest {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, FunctionInstance> functions = new LinkedHashMap<>();
    private final LambdaInvokeEndpoint endpoint;

    /** A typed handler, to show the endpoint goes through Lambda's JSON for it. */
    public static final class Upper implements RequestHandler<Map<String, String>, Map<String, String>> {
        @Override
        public Map<String, String> handleRequest(Map<String, String> input, com.amazonaws.services.lambda.runtime.Context c) {
            return Map.of("text", input.get("text").toUpperCase(), "function", c.getFunctionName());
        }
    }

    LambdaInvokeEndpointTest() {
        FunctionDef search = EdgeMeshResources.SEARCH;
        RequestStreamHandler echo = (in, out, ctx) -> out.write(in.readAllBytes());
        RequestStreamHandler boom = (in, out, ctx) -> {
            throw new IllegalStateException("boom");
        };
        functions.put("search", FunctionInstance.loaded(search, echo));
        functions.put("generate", FunctionInstance.loaded(EdgeMeshResources.GENERATE, boom));
        functions.put("firewall", FunctionInstance.loaded(EdgeMeshResources.FIREWALL, new Upper()));
        functions.put("admin", FunctionInstance.notBuilt(EdgeMeshResources.ADMIN));
        endpoint = new LambdaInvokeEndpoint(functions, new Invoker(executor, "edgemesh", "us-east-1"), executor,
                "edgemesh", "us-east-1");
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private FunctionUrlEvents.Reply invoke(String name, String type, String payload) {
        return endpoint.handle("POST", "/2015-03-31/functions/" + name + "/invocations", type,
                payload.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void aFunctionIsFoundByPhysicalNameLogicalNameOrArnWithQualifier() {
        assertThat(new String(invoke("edgemesh-search", null, "{\"a\":1}").body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(invoke("search", "RequestResponse", "{}").status()).isEqualTo(200);
        assertThat(invoke("arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aedgemesh-search%3A%24LATEST", null, "{}")
                .status()).isEqualTo(200);
    }

    @Test
    void aTypedHandlerGetsLambdasJsonAndARealContext() {
        FunctionUrlEvents.Reply r = invoke("edgemesh-firewall", null, "{\"text\":\"hi\"}");
        assertThat(Json.parse(r.body()).path("text").asText()).isEqualTo("HI");
        assertThat(Json.parse(r.body()).path("function").asText()).isEqualTo("edgemesh-firewall");
    }

    @Test
    void aThrowingHandlerIsA200WithUnhandledAndLambdasErrorDocument() {
        FunctionUrlEvents.Reply r = invoke("edgemesh-generate", null, "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers()).containsEntry("X-Amz-Function-Error", List.of("Unhandled"));
        assertThat(Json.parse(r.body()).path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(Json.parse(r.body()).path("errorMessage").asText()).isEqualTo("boom");
    }

    @Test
    void unknownOrUnbuiltFunctionsAreResourceNotFound() {
        FunctionUrlEvents.Reply unknown = invoke("edgemesh-nope", null, "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers()).containsEntry("x-amzn-ErrorType", List.of("ResourceNotFoundException"));
        FunctionUrlEvents.Reply unbuilt = invoke("edgemesh-admin", null, "{}");
        assertThat(unbuilt.status()).isEqualTo(404);
        assertThat(Json.parse(unbuilt.body()).path("message").asText()).contains("not built yet");
    }

    @Test
    void dryRunEventAndOversizedPayloadsBehaveLikeLambda() {
        assertThat(invoke("edgemesh-search", "DryRun", "{}").status()).isEqualTo(204);
        assertThat(invoke("edgemesh-search", "Event", "{}").status()).isEqualTo(202);
        FunctionUrlEvents.Reply big = endpoint.handle("POST", "/2015-03-31/functions/edgemesh-search/invocations", null,
                new byte[0], true);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.headers()).containsEntry("x-amzn-ErrorType", List.of("RequestTooLargeException"));
        assertThat(endpoint.handle("GET", "/2015-03-31/functions/edgemesh-search/invocations", null, new byte[0], false)
                .status()).isEqualTo(405);
    }
}
