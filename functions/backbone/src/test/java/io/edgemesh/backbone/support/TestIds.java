package io.edgemesh.backbone.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh tenant ids, so tests sharing the one emulator instance never see each other's data. */
public final class TestIds {
    private TestIds() { }

    public static String tenant(String stem) {
        return stem + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }
}
