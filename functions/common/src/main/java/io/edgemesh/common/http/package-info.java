/**
 * HTTP helpers for function-URL handlers: {@link io.edgemesh.common.http.HttpRequests} turns an
 * {@code APIGatewayV2HTTPEvent} into a checked {@link io.edgemesh.common.http.HttpRequest}
 * (case-insensitive headers, base64 bodies, body limit as 413 {@code payload_too_large}), and
 * {@link io.edgemesh.common.http.HttpResponses} builds JSON responses and the one error model with
 * the security headers every API answer carries.
 */
package io.edgemesh.common.http;
