package io.github.paynetsavecard.mock.paynet;

import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import io.github.paynetsavecard.mock.engine.RequestRule;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Paynet mode: the mock keeps sessions like Paynet does. Auth creates a session, save_card and charge answer by its
 * state (unknown 13, used 17, expired, OTP), the cardholder's page lives under {@code /__paynet/}, and charge
 * reports the card save. Routing, validation, CORS and {@code Prefer} stay the engine's; this class only picks among
 * the spec's answers to valid requests ({@link #requestRule()}) and serves the mock-only endpoints
 * ({@link #answerMockOnly}). The rules, with their sources, are in docs/paynet-mode.md.
 *
 * <p>Tests reach it through {@code PaynetMockServer.paynet()}:
 * <pre>{@code
 * String id = mock.paynet().createSession();            // as if Auth had been called
 * mock.paynet().otpRequired(true);                      // the merchant has OTP on
 * mock.paynet().advanceClock(Duration.ofHours(1));      // no sleeping: the session is now expired
 * assertThat(mock.paynet().session(id)).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(EXPIRED));
 * }</pre>
 *
 * <p>Thread-safe: requests and test calls may come from any thread.
 */
public final class PaynetMode {
    private final ShiftableClock clock;
    private final SessionStore store;
    private final PaynetSwitches switches;
    private final PaynetRules rules;
    private final PaynetEndpoints endpoints;

    private PaynetMode(PaynetContract contract, PaynetSettings settings) {
        SessionFormat format = SessionFormat.of(contract);
        HostedPageTexts texts = HostedPageTexts.of(contract);
        this.clock = new ShiftableClock(settings.clock());
        this.store = new SessionStore(settings.maxSessions(), settings.sessionLifetime(), clock, format.idPrefix());
        this.switches = new PaynetSwitches(settings, contract.defaultErrorChannel());
        this.rules = new PaynetRules(contract, store, switches, texts, format);
        this.endpoints = new PaynetEndpoints(store, texts, this::reset);
    }

    /**
     * Paynet mode for {@code spec}.
     *
     * @throws IllegalArgumentException when the spec lacks an answer Paynet mode needs (its
     *                                  {@code x-paynet-state-answers}); the message names each gap
     */
    public static PaynetMode create(SpecIndex spec, PaynetSettings settings) {
        Objects.requireNonNull(spec, "spec == null");
        Objects.requireNonNull(settings, "settings == null");
        return new PaynetMode(PaynetContract.of(spec), settings);
    }

    /** The rule the engine consults for every valid request. */
    public RequestRule requestRule() {
        return rules;
    }

    /** The answer to a request for a mock-only path under {@code /__paynet/}; empty for every other path. */
    public Optional<MockResponse> answerMockOnly(MockRequest request) {
        return endpoints.answer(request);
    }

    /** A new session without card-storage fields, for 10.00 TL, as if Auth had been called; returns its id. */
    public String createSession() {
        return createSession(NewSession.ofAmount(1000));
    }

    /** A new session as if Auth had been called with {@code session}'s fields; returns its id. */
    public String createSession(NewSession session) {
        Objects.requireNonNull(session, "session == null");
        return store.create(session.amount(), session.fields()).id();
    }

    /**
     * Makes the session expire now: save_card and charge get the expired-session answer.
     *
     * @throws IllegalArgumentException when there is no such session
     */
    public void expireSession(String sessionId) {
        if (!store.expire(sessionId)) {
            throw new IllegalArgumentException("No session " + SessionIds.masked(sessionId)
                    + ": create one with createSession() or through Auth");
        }
    }

    /** The session's state, pending description and stored card, if the mock knows the session. */
    public Optional<SessionView> session(String sessionId) {
        return store.find(sessionId).map(session -> SessionView.of(session, clock.instant()));
    }

    /** How many sessions the mock keeps now (at most the configured maximum). */
    public int sessionCount() {
        return store.size();
    }

    /**
     * Switches the merchant's OTP setting: when on, save_card needs {@code user_gsm} unless Auth had
     * {@code user_gsm_no}.
     */
    public void otpRequired(boolean required) {
        switches.otpRequired(required);
    }

    /** Switches how rejections are sent (HTTP 200 with {@code code}, or a 4xx Error object). */
    public void errorChannel(ErrorChannel channel) {
        switches.errorChannel(channel);
    }

    /** Switches which of the spec's answers an expired session gets. */
    public void expiredSessionAnswer(ExpiredSessionAnswer answer) {
        switches.expiredSession(answer);
    }

    /** Moves the mock's clock forward, e.g. past a session's lifetime; no test needs to sleep. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    /** Forgets every session and puts the clock and the switches back to the server's settings. */
    public void reset() {
        store.clear();
        clock.resetOffset();
        switches.reset();
    }
}
