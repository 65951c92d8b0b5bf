package io.github.paynetsavecard.mock.paynet;

import io.github.paynetsavecard.client.Redaction;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one Paynet-mode session, for tests ({@code mock.paynet().session(id)}) and for
 * {@code GET /__paynet/session}. Its {@code toString()} shows neither the full id nor the description.
 *
 * @param sessionId  the id Auth gave out
 * @param state      where it stands now ({@link SessionState#EXPIRED} once past its expiry date)
 * @param cardDesc   the card description pending or stored, if any
 * @param expiresAt  when it expires unless charged
 * @param amount     Auth's {@code amount}
 * @param storedCard the card the charge stored, if it did
 */
public record SessionView(String sessionId, SessionState state, Optional<String> cardDesc, Instant expiresAt,
                          long amount, Optional<StoredCard> storedCard) {
    /**
     * A card stored by a charge.
     *
     * @param cardOwnerId the customer's id the charge reported
     * @param cardDesc    the name the card is stored under
     * @param cardHash    the card's hash the charge reported
     */
    public record StoredCard(String cardOwnerId, String cardDesc, String cardHash) {
        @Override
        public String toString() {
            return "StoredCard[cardOwnerId=" + SessionIds.masked(cardOwnerId) + ", cardDesc=" + Redaction.MARKER + "]";
        }
    }

    static SessionView of(Session session, Instant now) {
        RecordedCharge charge = session.charge();
        Optional<StoredCard> stored = charge == null || charge.save() != RecordedCharge.CardSave.SAVED
                ? Optional.empty()
                : Optional.of(new StoredCard(charge.cardOwnerId(), charge.cardDesc(), charge.cardHash()));
        return new SessionView(session.id(), session.stateAt(now), Optional.ofNullable(session.cardDesc()),
                session.expiresAt(), session.amount(), stored);
    }

    @Override
    public String toString() {
        return "SessionView[" + SessionIds.masked(sessionId) + ", " + state + ", cardDesc="
                + cardDesc.map(desc -> Redaction.MARKER).orElse("none") + "]";
    }
}
