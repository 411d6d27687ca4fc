package io.edgemesh.emulators.internal;

import java.nio.file.Path;

/** Test helper run in another JVM: holds a data folder's lock until its stdin closes. */
public final class LockHolderMain {

    private LockHolderMain() { }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our stdin
            }
        }
    }
}
