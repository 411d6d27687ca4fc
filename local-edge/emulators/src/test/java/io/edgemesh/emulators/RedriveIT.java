package io.edgemesh.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.QueueDef;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Provisioned queues move a message to their DLQ after maxReceiveCount receives, as SQS does. */
class RedriveIT {

    /** Own prefix: the shared instance's default resources belong to other tests. */
    private static final String PREFIX = "it-redrive";
    private static Provisioned resources;
    private static SqsClient sqs;

    @BeforeAll
    static void provision() {
        Emulators emulators = Emulators.shared();
        resources = emulators.provision(PREFIX);
        sqs = emulators.sqs();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan-type", "index-requests.fifo"})
    void aMessageReceivedMaxReceiveCountTimesWithoutDeleteLandsInTheDlq(String logical) {
        // GIVEN an empty provisioned queue and its DLQ
        QueueDef def = EdgeMeshResources.queue(logical);
        String url = resources.queueUrl(def.name());
        String dlqUrl = resources.queueUrl(def.dlqName());
        sqs.purgeQueue(b -> b.queueUrl(url));
        sqs.purgeQueue(b -> b.queueUrl(dlqUrl));
        sqs.sendMessage(b -> {
            b.queueUrl(url).messageBody("{\"tenant\":\"t-redrive\"}");
            if (def.fifo()) {
                b.messageGroupId("t-redrive").messageDeduplicationId("evt-" + System.nanoTime());
            }
        });
        // WHEN a consumer fails it maxReceiveCount times (received, never deleted, made visible again)
        for (int attempt = 1; attempt <= def.maxReceiveCount(); attempt++) {
            List<Message> got = receive(url);
            assertThat(got).as("receive %d", attempt).hasSize(1);
            assertThat(got.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .isEqualTo(Integer.toString(attempt));
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(0));
        }
        // THEN the next receive finds nothing on the queue and the message is in the DLQ
        assertThat(receive(url)).isEmpty();
        List<Message> dead = receive(dlqUrl);
        assertThat(dead).extracting(Message::body).containsExactly("{\"tenant\":\"t-redrive\"}");
    }

    private static List<Message> receive(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }
}
