/**
 * The Layer 1 ingress pipeline behind {@link io.edgemesh.widget.IngressHandler}: routing from the
 * shared route table, authentication per route (publishable key bound to an origin, secret key,
 * admin token), CORS for browser routes, body limits, static widget assets, and forwarding of every
 * other route to its layer as a signed invocation carrying the resolved principal, never the
 * credentials. Plain classes with injected collaborators; the handler only converts Lambda types.
 */
package io.edgemesh.widget.internal;
