/**
 * The CDK app: a construct per layer, the mesh stack and the tenant sandbox stack.
 */
package io.edgemesh.infra;
