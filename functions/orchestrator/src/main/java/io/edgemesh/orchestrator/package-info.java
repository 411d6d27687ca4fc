/**
 * Layer 6, orchestration: the {@link io.edgemesh.orchestrator.OrchestratorHandler} answers chat turns
 * and tenant status over signed invocations; the {@link io.edgemesh.orchestrator.ReadinessHandler}
 * keeps each tenant's chat locked until a document is ready. Domain logic lives in the sub-packages.
 */
package io.edgemesh.orchestrator;
