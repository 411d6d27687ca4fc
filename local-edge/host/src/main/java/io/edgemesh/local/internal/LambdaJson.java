package io.edgemesh.local.internal;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgemesh.common.Json;
import java.util.List;

/**
 * Jackson as the Lambda runtime serialises its event classes: the wire names ({@code Records},
 * {@code eventSourceARN}, {@code isBase64Encoded}) and no null members. Used only when a handler
 * must see bytes (stream handlers, the invoke endpoint); typed handlers get the event objects.
 */
public final class LambdaJson {

    /** Wire names that differ from the bean names of {@code aws-lambda-java-events}. */
    abstract static class SqsEventMixin {
        @JsonProperty("Records") abstract List<SQSEvent.SQSMessage> getRecords();
    }

    abstract static class SqsMessageMixin {
        @JsonProperty("eventSourceARN") abstract String getEventSourceArn();
    }

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(SQSEvent.class, SqsEventMixin.class)
            .addMixIn(SQSEvent.SQSMessage.class, SqsMessageMixin.class)
            .build();

    /** The project's strict mapper, for bodies this host writes itself. */
    public static final ObjectMapper STRICT = Json.MAPPER;

    private LambdaJson() { }
}
