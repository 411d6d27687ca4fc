package io.edgemesh.widget;

import io.edgemesh.widget.internal.Ingress;

/** Lets test-side harnesses outside this package build a handler around a test graph. */
public final class IngressHandlerAccess {
    private IngressHandlerAccess() { }

    public static IngressHandler handler(Ingress ingress) { return new IngressHandler(ingress); }
}
