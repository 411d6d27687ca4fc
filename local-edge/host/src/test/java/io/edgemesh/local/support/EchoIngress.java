package io.edgemesh.local.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgemesh.local.internal.LambdaJson;
import java.util.List;
import java.util.Map;

/**
 * A tiny Layer 1 stand-in: answers with the function-URL event it received (as Lambda's JSON) and
 * the Context values, sets a header and two cookies, and throws on {@code /v1/search?throw}.
 */
public final class EchoIngress implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if ("throw".equals(event.getRawQueryString())) throw new IllegalStateException("ingress failure");
        try {
            String body = LambdaJson.MAPPER.writeValueAsString(Map.of("event", event,
                    "context", Map.of("functionName", context.getFunctionName(), "memory", context.getMemoryLimitInMB(),
                            "remaining", context.getRemainingTimeInMillis(), "requestId", context.getAwsRequestId())));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(207)
                    .withHeaders(Map.of("content-type", "application/json", "x-echo", "yes"))
                    .withCookies(List.of("a=1; Path=/", "b=2; HttpOnly"))
                    .withBody(body).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
