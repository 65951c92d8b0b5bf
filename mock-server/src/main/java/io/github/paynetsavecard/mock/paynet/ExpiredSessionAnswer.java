package io.github.paynetsavecard.mock.paynet;

import java.util.Optional;

/**
 * Which of the spec's answers an expired session gets. Nothing in Paynet's pages says; the spec declares one answer
 * ({@code x-paynet-state-answers.rejections.expiredSession}: 13 today, as for an unknown session) and an
 * {@code alternative} (22 today). A merchant who sees Paynet answer the other way can switch.
 */
public enum ExpiredSessionAnswer {
    /** The answer the spec declares for an expired session. */
    DECLARED("declared"),
    /** The spec's {@code alternative} answer for an expired session. */
    ALTERNATIVE("alternative");

    private final String flag;

    ExpiredSessionAnswer(String flag) {
        this.flag = flag;
    }

    /**
     * The value of {@code --expired-session}.
     *
     * @return {@code declared} or {@code alternative}
     */
    public String flag() {
        return flag;
    }

    /**
     * The answer whose {@link #flag()} (any case) is {@code text}.
     *
     * @param text a flag as a user typed it, surrounding blanks ignored; null finds nothing
     * @return the answer, or empty when {@code text} names none
     */
    public static Optional<ExpiredSessionAnswer> fromFlag(String text) {
        return FlagNames.find(values(), ExpiredSessionAnswer::flag, text);
    }
}
