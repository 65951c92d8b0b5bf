package io.github.paynetsavecard.mock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class HeadlessChromiumTest {
    @Test
    void withoutChromiumItIsSkippedWithTheReasonLocallyAndFailsInCi() {
        Path missing = Path.of("/nonexistent/chromium");

        assertThatThrownBy(() -> HeadlessChromium.require(null, missing))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("/nonexistent/chromium is missing").hasMessageContaining("apt-get install");
        assertThatThrownBy(() -> HeadlessChromium.require("true", missing))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true");
    }
}
