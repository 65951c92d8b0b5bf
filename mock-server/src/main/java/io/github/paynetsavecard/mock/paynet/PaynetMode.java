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
     * @param spec     the indexed spec, with its {@code x-paynet-*} extensions; not null
     * @param settings the OTP, error-channel, session and clock settings; not null
     * @return the mode, with no sessions yet; plug {@link #requestRule()} into the engine
     * @throws IllegalArgumentException when the spec lacks an answer Paynet mode needs (its
     *                                  {@code x-paynet-state-answers}); the message names each gap
     */
    public static PaynetMode create(SpecIndex spec, PaynetSettings settings) {
        Objects.requireNonNull(spec, "spec == null");
        Objects.requireNonNull(settings, "settings == null");
        return new PaynetMode(PaynetContract.of(spec), settings);
    }

    /**
     * The rule the engine consults for every valid request.
     *
     * @return the rule that answers save_card, Auth and charge by session state; the same instance on each call
     */
    public RequestRule requestRule() {
        return rules;
    }

    /**
     * The answer to a request for a mock-only path under {@code /__paynet/}; empty for every other path.
     *
     * @param request any request the server received; not null
     * @return the answer (the hosted page, the session view, ...), or empty when the path is not Paynet mode's own
     */
    public Optional<MockResponse> answerMockOnly(MockRequest request) {
        return endpoints.answer(request);
    }

    /**
     * A new session without card-storage fields, for 10.00 TL, as if Auth had been called; returns its id.
     *
     * @return the new session's id, in the spec's session id format
     */
    public String createSession() {
        return createSession(NewSession.ofAmount(1000));
    }

    /**
     * A new session as if Auth had been called with {@code session}'s fields; returns its id.
     *
     * @param session the Auth fields, e.g. {@code NewSession.ofAmount(1000).withUserUniqueId("CUST-42")}; not null
     * @return the new session's id, in the spec's session id format
     */
    public String createSession(NewSession session) {
        Objects.requireNonNull(session, "session == null");
        return store.create(session.amount(), session.fields()).id();
    }

    /**
     * Makes the session expire now: save_card and charge get the expired-session answer.
     *
     * @param sessionId the id {@link #createSession()} or Auth returned
     * @throws IllegalArgumentException when there is no such session
     */
    public void expireSession(String sessionId) {
        if (!store.expire(sessionId)) {
            throw new IllegalArgumentException("No session " + SessionIds.masked(sessionId)
                    + ": create one with createSession() or through Auth");
        }
    }

    /**
     * The session's state, pending description and stored card, if the mock knows the session.
     *
     * @param sessionId the id {@link #createSession()} or Auth returned
     * @return a snapshot of the session as of the mock's clock, or empty when the mock does not know the id (or has
     *         dropped it: over the maximum, or long expired)
     */
    public Optional<SessionView> session(String sessionId) {
        return store.find(sessionId).map(session -> SessionView.of(session, clock.instant()));
    }

    /**
     * How many sessions the mock keeps now (at most the configured maximum).
     *
     * @return the number of sessions kept, including expired ones not dropped yet (one lifetime after expiry)
     */
    public int sessionCount() {
        return store.size();
    }

    /**
     * Switches the merchant's OTP setting: when on, save_card needs {@code user_gsm} unless Auth had
     * {@code user_gsm_no}.
     *
     * @param required true to act as a merchant with OTP on; {@link #reset()} restores the server's setting
     */
    public void otpRequired(boolean required) {
        switches.otpRequired(required);
    }

    /**
     * Switches how rejections are sent (HTTP 200 with {@code code}, or a 4xx Error object).
     *
     * @param channel the channel for every later rejection; {@link #reset()} restores the server's setting
     */
    public void errorChannel(ErrorChannel channel) {
        switches.errorChannel(channel);
    }

    /**
     * Switches which of the spec's answers an expired session gets.
     *
     * @param answer the answer for every later request on an expired session; {@link #reset()} restores the
     *               server's setting
     */
    public void expiredSessionAnswer(ExpiredSessionAnswer answer) {
        switches.expiredSession(answer);
    }

    /**
     * Moves the mock's clock forward, e.g. past a session's lifetime; no test needs to sleep.
     *
     * @param duration how far to move it; not null, not negative (the clock only moves forward)
     * @throws IllegalArgumentException when {@code duration} is negative
     */
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
