package io.github.paynetsavecard.mock.paynet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sessions' memory: bounded, oldest first out, and each session charged exactly once. */
class SessionStoreTest {
    private final ShiftableClock clock = new ShiftableClock(Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"),
            ZoneOffset.UTC));

    private SessionStore store(int max) {
        return new SessionStore(max, Duration.ofMinutes(30), clock, "js_");
    }

    @Test
    void keepsAtMostTheLimitDroppingTheOldestFirst() {
        SessionStore store = store(3);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.create(1000, CardStorageFields.NONE).id());
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find(ids.get(0))).isEmpty();
        assertThat(store.find(ids.get(1))).isEmpty();
        assertThat(ids.subList(2, 5)).allSatisfy(id -> assertThat(store.find(id)).isPresent());
    }

    @Test
    void staysBoundedUnderAFloodOfSessions() {
        SessionStore store = store(1000);
        for (int i = 0; i < 50_000; i++) {
            store.create(1000, CardStorageFields.NONE);
        }

        assertThat(store.size()).isEqualTo(1000);
    }

    @Test
    void remembersAnExpiredSessionForOneMoreLifetimeThenForgetsIt() {
        SessionStore store = store(100);
        String old = store.create(1000, CardStorageFields.NONE).id();

        clock.advance(Duration.ofMinutes(45));
        store.create(1000, CardStorageFields.NONE);
        SessionStore.Change whileRemembered = store.saveCard(old, "x", false, false);
        clock.advance(Duration.ofMinutes(16));
        store.create(1000, CardStorageFields.NONE);

        assertThat(whileRemembered.refusal()).isEqualTo(Refusal.EXPIRED_SESSION);
        assertThat(store.find(old)).isEmpty();
        assertThat(store.saveCard(old, "x", false, false).refusal()).isEqualTo(Refusal.NO_SESSION);
    }

    @Test
    void chargesASessionOnceWhateverTheInterleaving() throws Exception {
        SessionStore store = store(10_000);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 300; round++) {
                String id = store.create(1000, CardStorageFields.NONE).id();
                store.saveCard(id, "kartim", false, false);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<SessionStore.Charge>> charges = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    charges.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        return store.charge(id);
                    }));
                }
                int first = 0;
                List<String> transactions = new ArrayList<>();
                for (Future<SessionStore.Charge> charge : charges) {
                    SessionStore.Charge done = charge.get(10, TimeUnit.SECONDS);
                    first += done.repeated() ? 0 : 1;
                    transactions.add(done.result().transactionId());
                }
                assertThat(first).as("round %d", round).isEqualTo(1);
                assertThat(transactions).as("round %d", round).containsOnly(transactions.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSaveCardThatChangesNothingStillAnswersAndAChangeAfterItCounts() {
        SessionStore store = store(100);
        String id = store.create(1000, CardStorageFields.NONE).id();

        SessionStore.Change first = store.saveCard(id, "kartim", false, false);
        SessionStore.Change again = store.saveCard(id, "kartim", false, false);
        SessionStore.Change renamed = store.saveCard(id, "maas karti", false, false);
        RecordedCharge charged = store.charge(id).result();
        SessionStore.Change afterCharge = store.saveCard(id, "maas karti", false, false);
        String other = store.create(1000, CardStorageFields.NONE).id();
        store.saveCard(other, "kartim", false, false);
        clock.advance(Duration.ofMinutes(31));
        SessionStore.Change expired = store.saveCard(other, "kartim", false, false);
        SessionStore.Change unknown = store.saveCard("js_unknown", "x", false, false);

        assertThat(List.of(first, again, renamed)).allSatisfy(change -> assertThat(change.accepted()).isTrue());
        assertThat(again.session()).isEqualTo(first.session());
        assertThat(charged.cardDesc()).isEqualTo("maas karti");
        assertThat(afterCharge.refusal()).isEqualTo(Refusal.USED_SESSION);
        assertThat(expired.refusal()).as("the same description on an expired session").isEqualTo(
                Refusal.EXPIRED_SESSION);
        assertThat(unknown.refusal()).isEqualTo(Refusal.NO_SESSION);
    }

    @Test
    void aSaveCardRacingAChargeEitherCountsOrGets17() throws Exception {
        SessionStore store = store(10_000);
        raceSaveCardAgainstCharge(store, false, (round, saved, result) -> {
            if (saved.accepted()) {
                // save_card came first: the charge saw the description.
                assertThat(result.save()).as("round %d", round).isEqualTo(RecordedCharge.CardSave.SAVED);
            } else {
                assertThat(saved.refusal()).as("round %d", round).isEqualTo(Refusal.USED_SESSION);
                assertThat(result.save()).as("round %d", round).isEqualTo(RecordedCharge.CardSave.NOT_REQUESTED);
            }
        });
    }

    @Test
    void aSaveCardThatChangesNothingRacingAChargeEitherCountsOrGets17() throws Exception {
        SessionStore store = store(10_000);
        raceSaveCardAgainstCharge(store, true, (round, saved, result) -> {
            // Either way the charge stored the card; the repeated call is accepted only if it came first.
            assertThat(result.save()).as("round %d", round).isEqualTo(RecordedCharge.CardSave.SAVED);
            assertThat(saved.accepted() || saved.refusal() == Refusal.USED_SESSION).as("round %d", round).isTrue();
        });
    }

    private interface RaceCheck {
        void check(int round, SessionStore.Change saved, RecordedCharge result);
    }

    /**
     * 300 rounds of save_card ("kartim") and charge started together on a new session, described beforehand when
     * {@code described}; after each, save_card is refused as used.
     */
    private static void raceSaveCardAgainstCharge(SessionStore store, boolean described, RaceCheck check)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                String id = store.create(1000, CardStorageFields.NONE).id();
                if (described) {
                    store.saveCard(id, "kartim", false, false);
                }
                CyclicBarrier start = new CyclicBarrier(2);
                Future<SessionStore.Change> save = pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return store.saveCard(id, "kartim", false, false);
                });
                Future<SessionStore.Charge> charge = pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return store.charge(id);
                });
                check.check(round, save.get(10, TimeUnit.SECONDS), charge.get(10, TimeUnit.SECONDS).result());
                assertThat(store.saveCard(id, "kartim", false, false).refusal()).as("round %d", round)
                        .isEqualTo(Refusal.USED_SESSION);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void makesIdsInPaynetsFormThatNeverShowInFullInMessages() {
        SessionStore store = store(10);
        Session session = store.create(1000, CardStorageFields.NONE);

        assertThat(session.id()).matches("js_[A-Za-z0-9/*]{48}");
        assertThat(session.toString()).doesNotContain(session.id()).contains(session.id().substring(0, 10) + "…");
        assertThat(SessionIds.masked(session.id())).isEqualTo(session.id().substring(0, 10) + "…");
    }
}
