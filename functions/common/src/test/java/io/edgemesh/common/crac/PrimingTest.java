package io.edgemesh.common.crac;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.common.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void checkpoint_runs_priming_and_restore_runs_the_refresh() throws Exception {
        // GIVEN a resource with a priming and a refresh step
        List<String> calls = new ArrayList<>();
        Priming p = Priming.of("search", () -> calls.add("prime"), () -> calls.add("refresh"));
        // WHEN the CRaC hooks are called as the runtime would
        p.beforeCheckpoint(null);
        p.afterRestore(null);
        // THEN each step ran once, in order
        assertThat(calls).containsExactly("prime", "refresh");
    }

    @Test
    void a_failing_step_is_logged_and_does_not_abort_the_checkpoint() throws Exception {
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = Log.setOutput(lines::add);
        try {
            Priming p = Priming.of("broken", () -> { throw new IllegalStateException("no network at build"); }, null);
            p.beforeCheckpoint(null);
            p.afterRestore(null);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("priming step failed").contains("no network at build"));
        } finally {
            Log.setOutput(previous);
        }
    }

    @Test
    void register_works_outside_a_crac_jvm_and_warm_common_writes_nothing() {
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = Log.setOutput(lines::add);
        try {
            Priming p = Priming.register("common", Priming::warmCommon, null);
            assertThat(p.name()).isEqualTo("common");
            Priming.warmCommon();
            assertThat(lines).isEmpty();
        } finally {
            Log.setOutput(previous);
        }
    }
}
