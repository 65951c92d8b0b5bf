package io.github.paynetsavecard.conformance.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismProcessTest {
    @Test
    void saysWhichToolIsMissingFromThePath(@TempDir Path emptyDir) {
        assertThat(PrismProcess.missingTools(emptyDir.toString()))
                .contains("node is not on the PATH (Prism needs Node.js and npm)");
        assertThat(PrismProcess.missingTools(null)).isPresent();
    }

    @Test
    void refusesAFolderWithoutPrismsPackageJson(@TempDir Path dir) {
        assertThatThrownBy(() -> PrismProcess.start(dir, dir.resolve("openapi.yaml"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No package.json in " + dir);
    }

    @Test
    void refusesAMissingSpec(@TempDir Path dir) {
        Path prismDir = Path.of(System.getProperty("conformance.prism.dir", "prism"));

        assertThatThrownBy(() -> PrismProcess.start(prismDir, dir.resolve("missing.yaml"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No spec file at " + dir.resolve("missing.yaml"));
    }

    @Test
    void closeLeavesNoProcessBehind(@TempDir Path logs) {
        Assumptions.assumeTrue(PrismProcess.missingTools().isEmpty(), () -> PrismProcess.missingTools().get());
        Path prismDir = Path.of(System.getProperty("conformance.prism.dir", "prism"));
        Path spec = Path.of(System.getProperty("conformance.spec", "../api-spec/openapi.yaml"));
        List<ProcessHandle> started = new ArrayList<>();

        try (PrismProcess prism = PrismProcess.start(prismDir, spec, logs)) {
            started.add(prism.processHandle());
            prism.processHandle().descendants().forEach(started::add);
            assertThat(started.get(0).isAlive()).isTrue();
        }

        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }
}
