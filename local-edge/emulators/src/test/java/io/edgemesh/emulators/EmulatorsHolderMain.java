package io.edgemesh.emulators;

/** Test helper run in another JVM: starts in-memory emulators, prints the children's pids, waits forever. */
public final class EmulatorsHolderMain {

    private EmulatorsHolderMain() { }

    public static void main(String[] args) throws Exception {
        Emulators emulators = Emulators.start(EmulatorOptions.inMemory());
        StringBuilder pids = new StringBuilder("PIDS");
        emulators.health().values().stream().filter(v -> v instanceof java.util.Map<?, ?>)
                .map(v -> ((java.util.Map<?, ?>) v).get("pid"))
                .forEach(pid -> pids.append(' ').append(pid));
        System.out.println(pids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
