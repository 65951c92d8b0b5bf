package io.github.paynetsavecard.mock.paynet;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Paynet mode behaves where Paynet's rules depend on the merchant or are unknown.
 *
 * @param otpRequired     whether save_card needs {@code user_gsm} unless Auth had {@code user_gsm_no} (the merchant's
 *                        OTP setting)
 * @param errorChannel    how rejections are sent; empty for the channel the spec names as Paynet's rule
 * @param sessionLifetime how long a session lives after Auth (default {@link #DEFAULT_SESSION_LIFETIME})
 * @param maxSessions     how many sessions are kept at most, the oldest dropped first (default
 *                        {@value #DEFAULT_MAX_SESSIONS})
 * @param expiredSession  what an expired session gets
 * @param clock           the time source, e.g. a fixed clock in tests; it can be moved forward later
 */
public record PaynetSettings(boolean otpRequired, Optional<ErrorChannel> errorChannel, Duration sessionLifetime,
                             int maxSessions, ExpiredSessionAnswer expiredSession, Clock clock) {
    /** Paynet does not document a session's lifetime; 30 minutes is our assumption, a typical payment-page timeout. */
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofMinutes(30);
    /** Sessions kept by default: room for a long test run, bounded memory under a flood of Auth calls. */
    public static final int DEFAULT_MAX_SESSIONS = 10_000;

    /**
     * Checks the components: no component may be null, the lifetime must be positive and the maximum at least 1.
     *
     * @param otpRequired     the merchant's OTP setting
     * @param errorChannel    the channel, or empty for the spec's; not null
     * @param sessionLifetime how long a session lives; not null, positive
     * @param maxSessions     how many sessions are kept; at least 1
     * @param expiredSession  what an expired session gets; not null
     * @param clock           the time source; not null
     * @throws IllegalArgumentException when the lifetime is not positive or {@code maxSessions} is below 1
     */
    public PaynetSettings {
        Objects.requireNonNull(errorChannel, "errorChannel == null; use Optional.empty() for the spec's channel");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime == null");
        Objects.requireNonNull(expiredSession, "expiredSession == null");
        Objects.requireNonNull(clock, "clock == null");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("sessionLifetime must be positive, e.g. PT30M, but was "
                    + sessionLifetime);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, but was " + maxSessions);
        }
    }

    /**
     * OTP off, the spec's error channel, 30-minute sessions, at most 10 000, the spec's expired answer, UTC.
     *
     * @return the settings the mock starts with when nothing is configured
     */
    public static PaynetSettings defaults() {
        return new PaynetSettings(false, Optional.empty(), DEFAULT_SESSION_LIFETIME, DEFAULT_MAX_SESSIONS,
                ExpiredSessionAnswer.DECLARED, Clock.systemUTC());
    }
}
