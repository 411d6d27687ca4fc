package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.EventSourceDef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsEventSourceTest {

    private static SqsEventSource source(boolean reportFailures) {
        RequestHandlerStub handler = new RequestHandlerStub();
        return new SqsEventSource(FunctionInstance.loaded(EdgeMeshResources.INDEXER, handler),
                new EventSourceDef("index-requests.fifo", 10, 0, reportFailures), EdgeMeshResources.INDEX_REQUESTS,
                "http://sqs/q", "arn:aws:sqs:us-east-1:000000000000:edgemesh-index-requests.fifo", "us-east-1",
                null, null, null, 1);
    }

    static final class RequestHandlerStub implements com.amazonaws.services.lambda.runtime.RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent input, com.amazonaws.services.lambda.runtime.Context context) {
            return null;
        }
    }

    private static SQSBatchResponse failing(String... ids) {
        return new SQSBatchResponse(java.util.Arrays.stream(ids).map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    @Test
    void reportedFailuresAreKeptAndTheRestDeleted() {
        assertThat(source(true).failures(failing("b"), List.of("a", "b", "c"))).containsExactly("b");
        assertThat(source(true).failures(null, List.of("a"))).isEmpty();
    }

    @Test
    void aFailureNamingAnUnknownOrBlankIdFailsTheWholeBatchAsLambdaDoes() {
        assertThat(source(true).failures(failing("zzz"), List.of("a", "b"))).isNull();
        assertThat(source(true).failures(failing(""), List.of("a", "b"))).isNull();
    }

    @Test
    void withoutReportBatchItemFailuresANormalReturnIsTotalSuccess() {
        assertThat(source(false).failures(failing("a"), List.of("a", "b"))).isEmpty();
    }

    @Test
    void receivedMessagesBecomeTheEventLambdaBuilds() throws Exception {
        // GIVEN a FIFO message as SQS returns it
        Message m = Message.builder().messageId("m-1").receiptHandle("rh-1").body("{\"x\":1}").md5OfBody("md5")
                .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2",
                        MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000",
                        MessageSystemAttributeName.MESSAGE_GROUP_ID, "acme"))
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("k").build()))
                .build();
        // WHEN the poller builds the event
        SQSEvent event = source(true).toEvent(List.of(m));
        // THEN every field Lambda sets is there, and the wire form uses Lambda's names
        SQSEvent.SQSMessage r = event.getRecords().get(0);
        assertThat(r.getMessageId()).isEqualTo("m-1");
        assertThat(r.getReceiptHandle()).isEqualTo("rh-1");
        assertThat(r.getAttributes()).containsEntry("ApproximateReceiveCount", "2").containsEntry("MessageGroupId", "acme")
                .containsEntry("SentTimestamp", "1700000000000");
        assertThat(r.getMessageAttributes().get("kind").getStringValue()).isEqualTo("k");
        assertThat(r.getEventSource()).isEqualTo("aws:sqs");
        assertThat(r.getEventSourceArn()).endsWith(":edgemesh-index-requests.fifo");
        assertThat(r.getAwsRegion()).isEqualTo("us-east-1");
        JsonNode wire = LambdaJson.MAPPER.readTree(LambdaJson.MAPPER.writeValueAsBytes(event));
        assertThat(wire.path("Records").get(0).path("eventSourceARN").asText()).endsWith(".fifo");
        SQSEvent back = LambdaJson.MAPPER.readValue(LambdaJson.MAPPER.writeValueAsBytes(event), SQSEvent.class);
        assertThat(back.getRecords().get(0).getEventSourceArn()).isEqualTo(r.getEventSourceArn());
    }
}
