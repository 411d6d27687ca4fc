/**
 * How the mesh is assembled: the data construct generated from the shared resource definitions, a
 * construct per layer with least-privilege roles, the tenant scoping of permissions in sandboxes,
 * observability, and the cdk-nag suppressions with their reasons. The public stacks at the package
 * root are thin shells around {@link io.edgemesh.infra.internal.MeshAssembly}.
 */
package io.edgemesh.infra.internal;
