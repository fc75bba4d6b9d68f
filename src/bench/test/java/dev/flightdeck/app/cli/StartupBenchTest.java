package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The floor row starts its window by class name: the name must stay that of a class with a main method. */
class StartupBenchTest {

    @Test
    void theFloorsMainClassIsThereAndHasAMain() throws Exception {
        Class<?> floor =
                Class.forName(StartupBench.FLOOR_MAIN, false, getClass().getClassLoader());
        Method main = floor.getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    }
}
