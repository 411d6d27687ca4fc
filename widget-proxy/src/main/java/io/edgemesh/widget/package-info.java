/**
 * Layer 1, the public face of EdgeMesh: {@link io.edgemesh.widget.IngressHandler}, the one function
 * URL behind every public route (routing, authentication by key and origin, CORS, body limits, chat
 * with session tokens and rate limits, signed forwarding to the other layers), and
 * {@link io.edgemesh.widget.WidgetAssets}, the Chattia widget's script and stylesheet with their
 * content hash and Subresource Integrity values. The pipeline itself lives in {@code internal}.
 */
package io.edgemesh.widget;
