package io.github.paynetsavecard.mock.paynet;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paynet mode's memory: the sessions and what happens to them, safe under concurrent requests.
 *
 * <p>Every change of a session is one {@link ConcurrentHashMap#computeIfPresent} on its id, so two changes of the
 * same session are serialised and each sees the other's result: a session is charged once, whatever the
 * interleaving. A call that would change nothing (a refusal, save_card again with the same description) is decided
 * on a plain read instead, as if it ran at that read.
 * Creation and eviction share one lock; at most {@code maxSessions} sessions are kept, the oldest dropped first. A
 * session that expired more than one lifetime ago is dropped at the next creation.
 */
final class SessionStore {
    private final int maxSessions;
    private final Duration lifetime;
    private final Clock clock;
    private final SessionIds ids;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    /** Session ids in creation order, guarded by {@code this}. */
    private final ArrayDeque<String> creationOrder = new ArrayDeque<>();
    /** user_unique_id to card_owner_id: a customer keeps one owner id across sessions. Guarded by itself. */
    private final Map<String, String> cardOwners;

    SessionStore(int maxSessions, Duration lifetime, Clock clock, String idPrefix) {
        this.ids = new SessionIds(idPrefix);
        this.maxSessions = maxSessions;
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.cardOwners = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxSessions;
            }
        };
    }

    Instant now() {
        return clock.instant();
    }

    /** A new session for an Auth call; the oldest sessions make room. */
    Session create(long amount, CardStorageFields fields) {
        Session session = Session.fromAuth(ids.next(), now().plus(lifetime), amount, fields);
        synchronized (this) {
            dropLongExpired();
            sessions.put(session.id(), session);
            creationOrder.addLast(session.id());
            while (creationOrder.size() > maxSessions) {
                sessions.remove(creationOrder.pollFirst());
            }
        }
        return session;
    }

    private void dropLongExpired() {
        Instant forgetBefore = now().minus(lifetime);
        while (!creationOrder.isEmpty()) {
            Session oldest = sessions.get(creationOrder.peekFirst());
            if (oldest != null && (oldest.state() == SessionState.CHARGED || !oldest.expiresAt().isBefore(forgetBefore))) {
                return;
            }
            sessions.remove(creationOrder.pollFirst());
        }
    }

    Optional<Session> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    int size() {
        return sessions.size();
    }

    /** The outcome of a change: the refusal, or the session after it. */
    record Change(Refusal refusal, Session session) {
        boolean accepted() {
            return refusal == null;
        }
    }

    /**
     * save_card: with a description the card save is pending under it; without one the session waits for the
     * cardholder. Refused for an unknown, used or expired session, and without a phone number when OTP is on.
     */
    Change saveCard(String id, String cardDesc, boolean gsmGiven, boolean otpRequired) {
        return change(id, session -> {
            if (otpRequired && !gsmGiven && session.authFields().userGsmNo() == null) {
                return new Change(Refusal.GSM_REQUIRED, session);
            }
            return new Change(null, cardDesc == null ? session.awaitingCardholder() : session.described(cardDesc));
        });
    }

    /** The cardholder named the card on the hosted page and ticked the box. */
    Change completeHostedPage(String id, String cardDesc) {
        return change(id, session -> session.state() == SessionState.CREATED
                ? new Change(Refusal.NO_HOSTED_PAGE, session)
                : new Change(null, session.described(cardDesc)));
    }

    /** The cardholder declined on the hosted page. */
    Change declineHostedPage(String id) {
        return change(id, session -> session.state() == SessionState.CREATED
                ? new Change(Refusal.NO_HOSTED_PAGE, session)
                : new Change(null, session.declined()));
    }

    /** The outcome of a charge: a refusal, or the charge's result and whether it was charged before. */
    record Charge(Refusal refusal, RecordedCharge result, boolean repeated) {
    }

    /**
     * Charges the session: exactly one call per session gets {@code repeated == false}; every later one gets the
     * same result with {@code repeated == true} (Paynet's code 100).
     */
    Charge charge(String id) {
        Charge[] outcome = new Charge[1];
        sessions.computeIfPresent(id, (key, session) -> {
            if (session.state() == SessionState.CHARGED) {
                outcome[0] = new Charge(null, session.charge(), true);
                return session;
            }
            if (session.stateAt(now()) == SessionState.EXPIRED) {
                outcome[0] = new Charge(Refusal.EXPIRED_SESSION, null, false);
                return session;
            }
            RecordedCharge result = resultOf(session);
            outcome[0] = new Charge(null, result, false);
            return session.charged(result);
        });
        return outcome[0] == null ? new Charge(Refusal.NO_SESSION, null, false) : outcome[0];
    }

    private RecordedCharge resultOf(Session session) {
        String transactionId = hex(12);
        CardStorageFields fields = session.authFields();
        RecordedCharge.CardSave save = switch (session.state()) {
            case CARD_DESCRIBED -> RecordedCharge.CardSave.SAVED;
            case DECLINED -> RecordedCharge.CardSave.DECLINED;
            case AWAITING_CARDHOLDER -> RecordedCharge.CardSave.PAGE_NOT_COMPLETED;
            default -> RecordedCharge.CardSave.NOT_REQUESTED;
        };
        if (save != RecordedCharge.CardSave.SAVED) {
            return new RecordedCharge(transactionId, save, null, fields.userUniqueId(), null, null);
        }
        String owner = fields.cardOwnerId() != null ? fields.cardOwnerId() : cardOwnerFor(fields.userUniqueId());
        return new RecordedCharge(transactionId, save, owner, fields.userUniqueId(), hex(16), session.cardDesc());
    }

    /** A first save via user_unique_id makes a new owner id; the same customer keeps it afterwards. */
    private String cardOwnerFor(String userUniqueId) {
        if (userUniqueId == null) {
            return cardOwnerId();
        }
        synchronized (cardOwners) {
            return cardOwners.computeIfAbsent(userUniqueId, unused -> cardOwnerId());
        }
    }

    /** {@code co_} and 16 hex digits, like the spec's example (the form of Paynet's ids is not documented). */
    private String cardOwnerId() {
        return "co_" + hex(8);
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** Makes the session expire now (for tests); false when there is no such session. */
    boolean expire(String id) {
        Instant now = now();
        return sessions.computeIfPresent(id, (key, session) -> session.expiringAt(now)) != null;
    }

    /** Forgets every session and customer. */
    synchronized void clear() {
        sessions.clear();
        creationOrder.clear();
        synchronized (cardOwners) {
            cardOwners.clear();
        }
    }

    private interface Step {
        Change apply(Session session);
    }

    /**
     * One atomic change of a live session: unknown, used and expired sessions are refused before {@code step}. A
     * call that would leave the session as it is (a refusal, or save_card again with the same description) is
     * decided on the session as read, without the map's lock: it writes nothing, so it is as if it ran at that read.
     * Concurrent calls on one session (a client's retries, the benchmark's load) then no longer queue on that lock;
     * they did for 0.4 ms each on average under bench/quick.sh's load (docs/bench.md).
     */
    private Change change(String id, Step step) {
        if (id == null) {
            return new Change(Refusal.NO_SESSION, null);
        }
        Session read = sessions.get(id);
        if (read == null) {
            return new Change(Refusal.NO_SESSION, null);
        }
        Change decided = decide(read, step);
        if (decided.session().equals(read)) {
            return decided;
        }
        Change[] outcome = new Change[1];
        sessions.computeIfPresent(id, (key, session) -> {
            // The decision on the read stands while the session is still the one read.
            outcome[0] = session == read ? decided : decide(session, step);
            return outcome[0].session();
        });
        return outcome[0] == null ? new Change(Refusal.NO_SESSION, null) : outcome[0];
    }

    private Change decide(Session session, Step step) {
        SessionState state = session.stateAt(now());
        if (state == SessionState.CHARGED) {
            return new Change(Refusal.USED_SESSION, session);
        }
        if (state == SessionState.EXPIRED) {
            return new Change(Refusal.EXPIRED_SESSION, session);
        }
        return step.apply(session);
    }
}
