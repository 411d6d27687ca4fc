package io.edgemesh.widget.browser;

import io.edgemesh.emulators.Emulators;
import io.edgemesh.local.LocalEdge;
import io.edgemesh.local.LocalEdgeConfig;

/**
 * One local edge per test JVM on the shared emulators, started on first use and stopped when the
 * JVM exits: starting the whole mesh costs seconds, and the test classes only create tenants of
 * their own on it, so they cannot disturb each other.
 */
final class SharedEdge {

    private static LocalEdge edge;

    private SharedEdge() { }

    static synchronized LocalEdge get() {
        if (edge == null) {
            LocalEdge started = LocalEdge.start(LocalEdgeConfig.inMemory().withEmulators(Emulators.shared()));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-edge-stop"));
            edge = started;
        }
        return edge;
    }
}
