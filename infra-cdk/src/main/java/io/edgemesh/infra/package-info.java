/**
 * The CDK app of EdgeMesh: {@link io.edgemesh.infra.EdgeMeshApp} builds the shared multi-tenant mesh
 * ({@link io.edgemesh.infra.EdgeMeshStack}) or, with {@code -c sandbox=<tenant>}, an isolated copy
 * for one tenant ({@link io.edgemesh.infra.TenantSandboxStack}). Everything is generated from the
 * resource and route definitions in {@code edge-routes}, so the deployed mesh and the local edge
 * cannot drift apart.
 */
package io.edgemesh.infra;
