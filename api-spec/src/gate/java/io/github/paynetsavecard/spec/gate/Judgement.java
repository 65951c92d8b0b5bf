package io.github.paynetsavecard.spec.gate;

import java.util.Objects;

/** What one of our rules says about one aspect of a change: its verdict, and the words for the report. */
record Judgement(Verdict verdict, String words) {
    Judgement {
        Objects.requireNonNull(verdict, "verdict == null");
        Objects.requireNonNull(words, "words == null");
    }
}
