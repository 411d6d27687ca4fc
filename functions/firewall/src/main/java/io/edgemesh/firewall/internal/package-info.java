/**
 * The firewall's AWS-facing implementations (DynamoDB session counters, the SQS audit sink) and the
 * wiring that builds the {@link io.edgemesh.firewall.Firewall} from a function's configuration.
 */
package io.edgemesh.firewall.internal;
