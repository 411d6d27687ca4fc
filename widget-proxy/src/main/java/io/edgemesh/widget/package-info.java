/**
 * Layer 1: the Chattia widget and the ingress proxy function.
 */
package io.edgemesh.widget;
