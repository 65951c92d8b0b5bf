package io.github.paynetsavecard.mock.paynet;

import static io.github.paynetsavecard.mock.paynet.PaynetCalls.AUTH;
import static io.github.paynetsavecard.mock.paynet.PaynetCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.paynet.PaynetCalls.fields;
import static io.github.paynetsavecard.mock.paynet.PaynetCalls.requestExample;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.paynet.PaynetCalls.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paynet mode under concurrent requests, over HTTP against a running mock (Jetty's threads, the engine, Paynet
 * mode's rule and endpoints): every round starts its requests together behind a barrier, many rounds per test.
 * {@link SessionStoreTest} races the store directly; these race whole requests.
 */
class PaynetConcurrencyTest {
    private static final int ROUNDS = 200;
    private static final int CHARGES = 16;
    private static final int FLOOD_MAX_SESSIONS = 16;
    private static final int FLOOD_THREADS = 4;
    private static final int FLOOD_AUTHS_PER_THREAD = 8;

    private static PaynetMockServer mock;
    private static PaynetMockServer flooded;
    private static PaynetCalls calls;
    private static PaynetCalls floodCalls;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        mock = PaynetMockServer.builder().port(0).build().start();
        flooded = PaynetMockServer.builder().port(0).maxSessions(FLOOD_MAX_SESSIONS).build().start();
        calls = new PaynetCalls(mock.baseUrl());
        floodCalls = new PaynetCalls(flooded.baseUrl());
        pool = Executors.newFixedThreadPool(CHARGES);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        mock.close();
        flooded.close();
    }

    /** Runs every task at once (behind one barrier) and returns their results in order. */
    private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> task : tasks) {
            running.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void sixteenConcurrentChargesOfOneSessionGiveOneSuccessAndFifteenRepeatsWithOneCardOwner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = calls.auth(requestExample(AUTH, "paymentSavingTheCard"));
            List<Callable<Answer>> charges = new ArrayList<>();
            for (int i = 0; i < CHARGES; i++) {
                charges.add(() -> calls.charge(id));
            }

            List<Answer> answers = together(charges);

            assertThat(answers).as("round %d", round).extracting(Answer::status).containsOnly(200);
            assertThat(answers).as("round %d", round).extracting(answer -> answer.json().path("code").asInt())
                    .containsOnlyOnce(0).containsOnly(0, 100);
            assertThat(answers).as("round %d", round)
                    .extracting(answer -> answer.json().path("card_owner_id").asText())
                    .doesNotContain("").containsOnly(answers.get(0).json().path("card_owner_id").asText());
            assertThat(answers).as("round %d", round).extracting(answer -> answer.json().path("id").asText())
                    .containsOnly(answers.get(0).json().path("id").asText());
            assertThat(mock.paynet().session(id)).hasValueSatisfying(session -> {
                assertThat(session.state()).isEqualTo(SessionState.CHARGED);
                assertThat(session.storedCard()).hasValueSatisfying(card -> assertThat(card.cardOwnerId())
                        .isEqualTo(answers.get(0).json().path("card_owner_id").asText()));
            });
        }
    }

    @Test
    void concurrentSaveCardAndHostedPageSubmissionsEndInOneConsistentState() throws Exception {
        String fromApi = requestExample(SAVE_CARD, "withDescription").path("card_desc").asText();
        String fromPage = "Sayfadan kart " + System.nanoTime() % 1000;
        for (int round = 0; round < ROUNDS; round++) {
            String id = calls.auth(requestExample(AUTH, "payment").put("user_unique_id", "CUST-RACE"));
            assertThat(calls.saveCardWithoutDescription(id).status()).isEqualTo(200);
            boolean withDecline = round % 2 == 1;
            List<Callable<Answer>> submissions = new ArrayList<>(List.of(
                    () -> calls.saveCardWithDescription(id),
                    () -> calls.form("/__paynet/hosted-page", fields("session_id", id, "card_desc", fromPage,
                            "agreement", "accepted", "action", "save"))));
            if (withDecline) {
                submissions.add(() -> calls.form("/__paynet/hosted-page", fields("session_id", id, "action",
                        "decline")));
            }

            List<Answer> answers = together(submissions);

            assertThat(answers).as("round %d: %s", round, answers).extracting(Answer::status).containsOnly(200);
            SessionView before = mock.paynet().session(id).orElseThrow();
            if (before.state() == SessionState.DECLINED) {
                assertThat(withDecline).as("round %d", round).isTrue();
            } else {
                assertThat(before.state()).as("round %d", round).isEqualTo(SessionState.CARD_DESCRIBED);
                assertThat(before.cardDesc().orElseThrow()).as("round %d", round).isIn(fromApi, fromPage);
            }
            Answer charge = calls.charge(id);
            SessionView after = mock.paynet().session(id).orElseThrow();
            boolean saved = before.state() == SessionState.CARD_DESCRIBED;
            assertThat(charge.json().path("code").asInt()).as("round %d", round).isZero();
            assertThat(charge.json().path("is_save_card_succeed").asBoolean()).as("round %d", round).isEqualTo(saved);
            if (saved) {
                assertThat(after.storedCard()).as("round %d", round).hasValueSatisfying(card ->
                        assertThat(card.cardDesc()).isEqualTo(before.cardDesc().orElseThrow()));
            } else {
                assertThat(after.storedCard()).as("round %d", round).isEmpty();
            }
        }
    }

    @Test
    void anAuthFloodNeverEvictsASessionYoungerThanTheOldestKept() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            flooded.paynet().reset();
            List<Callable<List<String>>> floods = new ArrayList<>();
            for (int t = 0; t < FLOOD_THREADS; t++) {
                floods.add(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < FLOOD_AUTHS_PER_THREAD; i++) {
                        ids.add(floodCalls.auth());
                    }
                    return ids;
                });
            }

            List<List<String>> created = together(floods);

            int kept = 0;
            for (List<String> ids : created) {
                // Each thread's sessions are created one after another: once one is kept, every later one is.
                boolean keptBefore = false;
                for (String id : ids) {
                    boolean keptNow = flooded.paynet().session(id).isPresent();
                    assertThat(keptNow || !keptBefore).as("round %d: a session younger than a kept one was "
                            + "evicted", round).isTrue();
                    keptBefore |= keptNow;
                    kept += keptNow ? 1 : 0;
                }
            }
            assertThat(kept).as("round %d", round).isEqualTo(FLOOD_MAX_SESSIONS);
            assertThat(flooded.paynet().sessionCount()).as("round %d", round).isEqualTo(FLOOD_MAX_SESSIONS);
            assertThat(created.stream().flatMap(List::stream).distinct().count()).isEqualTo(
                    (long) FLOOD_THREADS * FLOOD_AUTHS_PER_THREAD);
        }
    }
}
