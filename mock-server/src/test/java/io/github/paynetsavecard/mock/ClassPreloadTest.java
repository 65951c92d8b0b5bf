package io.github.paynetsavecard.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build lists a first start's classes, and the list is loaded ahead without failing on what is not there. */
class ClassPreloadTest {
    @Test
    void theBuildListsTheClassesOfAFirstStart() {
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(getClass().getClassLoader().getResource(ClassPreload.RESOURCE) != null,
                    "no class list: built with -Dmock.classlist.skip=true or on a JVM without -XX:DumpLoadedClassList");
        }
        List<String> names = ClassPreload.names(getClass().getClassLoader());

        assertThat(names).hasSizeGreaterThan(1000)
                .contains("com.github.tomakehurst.wiremock.WireMockServer", "org.eclipse.jetty.server.Server",
                        "io.github.paynetsavecard.mock.engine.MockEngine")
                .allSatisfy(name -> assertThat(name).doesNotContain("/").doesNotStartWith("@").doesNotContain(" "));
    }

    @Test
    void loadsWhatTheClassPathHasAndSkipsTheRest() {
        List<String> asked = new ArrayList<>();
        ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }
        };

        int loaded = ClassPreload.load(List.of("io.github.paynetsavecard.mock.SpecBreach", "no.such.Clazz",
                "java.util.List"), recording);

        assertThat(loaded).isEqualTo(2);
        assertThat(asked).containsExactly("io.github.paynetsavecard.mock.SpecBreach", "no.such.Clazz",
                "java.util.List");
    }

    /** Set by its static initialiser, which loading ahead must not run. */
    static boolean initialised;

    static final class WithStaticInitialiser {
        static {
            initialised = true;
        }
    }

    @Test
    void loadsWithoutInitialising() {
        int loaded = ClassPreload.load(List.of(WithStaticInitialiser.class.getName()), getClass().getClassLoader());

        assertThat(loaded).isEqualTo(1);
        assertThat(initialised).isFalse();
    }

    @Test
    void thePropertyTakesTrueOrFalseOnly() {
        assertThat(ClassPreload.enabled(null)).isTrue();
        assertThat(ClassPreload.enabled(" TRUE ")).isTrue();
        assertThat(ClassPreload.enabled("false")).isFalse();
        assertThatThrownBy(() -> ClassPreload.enabled("yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dpaynet.mock.preload must be true or false, but was 'yes'");
    }
}
