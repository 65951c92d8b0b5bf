package io.github.paynetsavecard.spec.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SemanticVersionTest {
    private static SemanticVersion v(String text) {
        return SemanticVersion.parse(text).orElseThrow();
    }

    @Test
    void aBreakingChangeNeedsTheNextMinorWhileZeroAndTheNextMajorAfter() {
        assertThat(v("0.1.3").nextBreaking()).isEqualTo(v("0.2.0"));
        assertThat(v("1.4.2").nextBreaking()).isEqualTo(v("2.0.0"));
    }

    @Test
    void aSnapshotReachesTheReleaseItLeadsTo() {
        assertThat(v("0.2.0-SNAPSHOT").reaches(v("0.2.0"))).isTrue();
        assertThat(v("0.1.9").reaches(v("0.2.0"))).isFalse();
        assertThat(v("0.2.0-SNAPSHOT")).isLessThan(v("0.2.0"));
    }

    @Test
    void whatIsNotSemverIsRefused() {
        assertThat(SemanticVersion.parse("1.0")).isEmpty();
        assertThat(SemanticVersion.parse("v1.0.0")).isEmpty();
        assertThat(SemanticVersion.parse("01.0.0")).isEmpty();
        assertThat(SemanticVersion.parse("1.0.0+build.5")).contains(v("1.0.0"));
    }
}
