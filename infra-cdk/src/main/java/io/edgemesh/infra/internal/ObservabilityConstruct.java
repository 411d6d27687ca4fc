package io.edgemesh.infra.internal;

import io.edgemesh.infra.MeshSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Alarms on every DLQ's depth and on every function's errors and throttles, all sent to one
 * encrypted alarm topic, and a dashboard of invocations, errors, duration and queue depths.
 */
public final class ObservabilityConstruct extends Construct {

    private final Topic alarmTopic;

    public ObservabilityConstruct(Construct scope, String id, MeshSpec spec, DataConstruct data,
                                  Map<String, LayerConstruct.Deployed> functions) {
        super(scope, id);
        alarmTopic = Topic.Builder.create(this, "Alarms")
                .topicName(spec.prefix() + "-alarms")
                .masterKey(data.key())
                .enforceSsl(true)
                .build();
        SnsAction action = new SnsAction(alarmTopic);
        MetricOptions oneMinute = MetricOptions.builder().period(Duration.minutes(1)).build();

        List<IMetric> depths = new ArrayList<>();
        for (Map.Entry<String, Queue> e : data.deadLetterQueues().entrySet()) {
            var metric = e.getValue().metricApproximateNumberOfMessagesVisible(oneMinute);
            depths.add(metric);
            Alarm a = Alarm.Builder.create(this, "DlqDepth-" + e.getKey())
                    .alarmName(spec.prefix() + "-dlq-" + e.getKey().replace(".fifo", ""))
                    .alarmDescription("Messages of " + e.getKey() + " failed maxReceiveCount times and wait in its DLQ")
                    .metric(metric).threshold(1).evaluationPeriods(1)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            a.addAlarmAction(action);
        }
        List<IMetric> errors = new ArrayList<>();
        List<IMetric> invocations = new ArrayList<>();
        List<IMetric> durations = new ArrayList<>();
        for (var d : functions.values()) {
            var fn = d.function();
            errors.add(fn.metricErrors(oneMinute));
            invocations.add(fn.metricInvocations(oneMinute));
            durations.add(fn.metricDuration(MetricOptions.builder().period(Duration.minutes(1)).statistic("p95").build()));
            Alarm.Builder.create(this, "Errors-" + d.def().name())
                    .alarmName(spec.prefix() + "-errors-" + d.def().name())
                    .alarmDescription(d.def().name() + " reported errors")
                    .metric(fn.metricErrors(oneMinute)).threshold(1).evaluationPeriods(3).datapointsToAlarm(2)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build().addAlarmAction(action);
            Alarm.Builder.create(this, "Throttles-" + d.def().name())
                    .alarmName(spec.prefix() + "-throttles-" + d.def().name())
                    .alarmDescription(d.def().name() + " was throttled")
                    .metric(fn.metricThrottles(oneMinute)).threshold(1).evaluationPeriods(1)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build().addAlarmAction(action);
        }
        Dashboard dash = Dashboard.Builder.create(this, "Dashboard").dashboardName(spec.prefix()).build();
        dash.addWidgets(
                GraphWidget.Builder.create().title("Invocations").left(invocations).width(12).build(),
                GraphWidget.Builder.create().title("Errors").left(errors).width(12).build());
        dash.addWidgets(
                GraphWidget.Builder.create().title("Duration p95").left(durations).width(12).build(),
                GraphWidget.Builder.create().title("DLQ depth").left(depths).width(12).build());
    }

    public Topic alarmTopic() { return alarmTopic; }
}
