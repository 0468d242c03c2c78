package com.wabilling.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The once-per-class data setup of the job tests (docs/development.md, "Build and test"). */
class OnceForTheClassTest {

    /** Stand-ins for test classes: the setup is keyed by the class. */
    private static final class First {
    }

    private static final class Second {
    }

    private static final class Failing {
    }

    @Test
    void aClassesSetupRunsOnceHoweverManyTestsAskAndAnotherClassHasItsOwn() throws Exception {
        List<String> runs = new ArrayList<>();

        for (int test = 0; test < 3; test++) {
            OnceForTheClass.run(First.class, () -> runs.add("first"));
            OnceForTheClass.run(Second.class, () -> runs.add("second"));
        }

        assertThat(runs).containsExactly("first", "second");
    }

    @Test
    void aSetupThatFailedIsNotRunAgainAndTheLaterTestsFailNamingIt() {
        List<String> runs = new ArrayList<>();
        IllegalStateException broken = new IllegalStateException("import failed");

        assertThatThrownBy(() -> OnceForTheClass.run(Failing.class, () -> {
            runs.add("failing");
            throw broken;
        })).isSameAs(broken);
        assertThatThrownBy(() -> OnceForTheClass.run(Failing.class, () -> runs.add("again")))
                .hasMessageContaining("the data of Failing failed to load").hasCause(broken);

        assertThat(runs).containsExactly("failing");
    }
}
