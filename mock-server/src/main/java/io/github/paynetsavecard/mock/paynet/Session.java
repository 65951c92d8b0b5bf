package io.github.paynetsavecard.mock.paynet;

import java.time.Instant;
import java.util.Objects;

/**
 * One session as Paynet mode keeps it: immutable, replaced whole on every change (see {@link SessionStore}).
 * Nullable fields are absent values from Auth.
 *
 * @param id          the session id Auth gave out
 * @param expiresAt   when it expires unless charged
 * @param amount      Auth's {@code amount} (×100)
 * @param authFields  the card-storage fields Auth was given
 * @param state       the stored state; {@link #stateAt} adds {@link SessionState#EXPIRED}
 * @param cardDesc    the pending card description, or null
 * @param charge      the charge, once charged, or null
 */
record Session(String id, Instant expiresAt, long amount, CardStorageFields authFields, SessionState state,
               String cardDesc, RecordedCharge charge) {
    Session {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(authFields, "authFields == null");
        Objects.requireNonNull(state, "state == null");
    }

    /**
     * A session fresh from Auth: described already when Auth carried {@code save_card: true} and {@code card_desc}
     * (the spec: {@code card_desc} names the card "when save_card is true").
     */
    static Session fromAuth(String id, Instant expiresAt, long amount, CardStorageFields fields) {
        if (fields.saveCard() && fields.cardDesc() != null) {
            return new Session(id, expiresAt, amount, fields, SessionState.CARD_DESCRIBED, fields.cardDesc(), null);
        }
        if (fields.saveCard()) {
            // Auth asked to store the card but gave no name: Paynet's screen asks for it (our assumption).
            return new Session(id, expiresAt, amount, fields, SessionState.AWAITING_CARDHOLDER, null, null);
        }
        return new Session(id, expiresAt, amount, fields, SessionState.CREATED, null, null);
    }

    SessionState stateAt(Instant now) {
        if (state != SessionState.CHARGED && !now.isBefore(expiresAt)) {
            return SessionState.EXPIRED;
        }
        return state;
    }

    Session described(String description) {
        return new Session(id, expiresAt, amount, authFields, SessionState.CARD_DESCRIBED, description, null);
    }

    Session awaitingCardholder() {
        return new Session(id, expiresAt, amount, authFields, SessionState.AWAITING_CARDHOLDER, null, null);
    }

    Session declined() {
        return new Session(id, expiresAt, amount, authFields, SessionState.DECLINED, null, null);
    }

    Session charged(RecordedCharge result) {
        return new Session(id, expiresAt, amount, authFields, SessionState.CHARGED, cardDesc, result);
    }

    Session expiringAt(Instant instant) {
        return new Session(id, instant, amount, authFields, state, cardDesc, charge);
    }

    /** Never the full id or the description: a session may end up in an assertion message. */
    @Override
    public String toString() {
        return "Session[" + SessionIds.masked(id) + ", " + state + "]";
    }
}
