package io.github.paynetsavecard.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paynetsavecard.client.PaynetEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** How a target that cannot run is reported, and how the paynet-test target is opened from the environment. */
class TargetPoolTest {
    private static final String KEY = "sck_target_pool_test_secret";

    private final List<String> console = new ArrayList<>();

    private TargetPool pool(Map<String, String> environment) {
        Path spec = Path.of(System.getProperty(SuiteSettings.SPEC, "../api-spec/openapi.yaml"));
        return new TargetPool(new SuiteSettings(List.of(TargetPool.PRISM, TargetPool.PAYNET_TEST), spec,
                Path.of("prism"), Path.of("target/conformance"), Path.of("target/unused-report.md"), environment,
                Optional.empty(), Optional.empty()), console::add);
    }

    @Test
    void prismWithoutNodeIsSkippedWithTheReasonOutsideCi(@TempDir Path emptyPath) throws Exception {
        try (TargetPool pool = pool(Map.of("PATH", emptyPath.toString()))) {
            assertThatThrownBy(() -> pool.acquire(TargetPool.PRISM)).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("node is not on the PATH");
        }
        assertThat(console).singleElement().asString().startsWith("[conformance] target prism skipped: ");
    }

    @Test
    void prismWithoutNodeFailsInCi(@TempDir Path emptyPath) throws Exception {
        try (TargetPool pool = pool(Map.of("PATH", emptyPath.toString(), "CI", "true"))) {
            assertThatThrownBy(() -> pool.acquire(TargetPool.PRISM)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("node is not on the PATH").hasMessageContaining("CI=true");
        }
        assertThat(console).singleElement().asString().startsWith("[conformance] target prism FAILS: ");
    }

    @Test
    void paynetTestWithoutAKeyIsSkippedNamingTheVariable() throws Exception {
        try (TargetPool pool = pool(Map.of("CI", "true"))) {
            assertThatThrownBy(() -> pool.acquire(TargetPool.PAYNET_TEST)).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining(SuiteSettings.PAYNET_TEST_KEY);
        }
    }

    @Test
    void paynetTestWithAKeyIsPaynetsTestSystemAndNeverShowsTheKey() throws Exception {
        try (TargetPool pool = pool(Map.of(SuiteSettings.PAYNET_TEST_KEY, KEY))) {
            Target target = pool.acquire(TargetPool.PAYNET_TEST);

            assertThat(target.baseUrl().toString()).isEqualTo(PaynetEnvironment.TEST.baseUrl());
            assertThat(target.kind()).isEqualTo(TargetKind.PAYNET);
            assertThat(target.authorization()).isEqualTo("Basic " + KEY);
            assertThat(target.toString()).doesNotContain(KEY);
        }
    }
}
