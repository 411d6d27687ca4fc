package io.edgemesh.tinyml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.Invocation;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.search.SearchRequest;
import io.edgemesh.tinyml.search.SearchService;
import java.util.Map;

/**
 * Signed-invocation handler of Layer 4 search, operation {@code search}. The body is either the search
 * itself ({@code {"query","k","mode"}}, from Layer 6 or the MCP server) or, for the public
 * {@code POST /v1/search} route, the ingress's {@code HttpForward} carrying it, which must come from a
 * secret key. The tenant is always the verified envelope's.
 */
public final class SearchHandler extends EnvelopeHandler {
    public static final String OPERATION = "search";

    private final SearchService search;

    public SearchHandler() {
        this(System.getenv());
    }

    public SearchHandler(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private SearchHandler(FunctionConfig config) {
        this(config, AwsClients.from(config));
    }

    private SearchHandler(FunctionConfig config, AwsClients aws) {
        super(config, aws);
        this.search = new TinyMlWiring(config, aws).searchService();
        Priming.register("tiny-ml-search", SearchHandler::prime, null);
    }

    @Override
    protected Object handle(Invocation invocation) {
        if (!OPERATION.equals(invocation.operation())) {
            throw new ApiException(404, ErrorCodes.NOT_FOUND, "unknown operation; this function serves: search");
        }
        return search.search(invocation.tenantId(), SearchRequest.fromJson(searchBody(invocation)));
    }

    /** The search object from a direct call or from a forwarded HTTP request. */
    static JsonNode searchBody(Invocation invocation) {
        JsonNode body = invocation.body();
        if (body != null && body.isObject() && body.has("principal") && body.has("method")) {
            String kind = body.path("principal").path("kind").asText("");
            if (!"secret_key".equals(kind)) {
                throw ApiException.forbidden(ErrorCodes.FORBIDDEN, "search needs a secret key");
            }
            return body.get("body");
        }
        if (body != null && body.isObject() && body.has("tenantId")) {
            // the envelope check already proved it is the caller's tenant; it is not a search field
            ObjectNode copy = body.deepCopy();
            copy.remove("tenantId");
            return copy;
        }
        return body;
    }

    static void prime() {
        Priming.warmCommon();
        MiniLm.embedder().embedQuery("priming the query path");
        io.edgemesh.tinyml.search.SearchRequest.fromJson(io.edgemesh.common.Json.parse("{\"query\":\"warm\",\"k\":5}"));
    }
}
