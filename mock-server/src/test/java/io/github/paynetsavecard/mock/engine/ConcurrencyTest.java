package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.spec.ApiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    @Test
    void givesEveryThreadTheSameAnswerAsASingleThread() throws Exception {
        MockEngine engine = EngineCall.engine(ApiSpec.bundled());
        List<MockRequest> requests = List.of(validSaveCard().build(),
                validSaveCard().json("{\"user_gsm\":\"0\"}").build(),
                validSaveCard().header("Prefer", "example=noSession").build(),
                validSaveCard().header("Prefer", "dynamic=true, seed=5").build(),
                validSaveCard().withoutHeader("Authorization").build());
        List<String> expected = new ArrayList<>();
        for (MockRequest request : requests) {
            expected.add(describe(engine.handle(request)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < 300; round++) {
                        int index = round % requests.size();
                        String actual = describe(engine.handle(requests.get(index)));
                        if (!actual.equals(expected.get(index))) {
                            mismatches.add(actual);
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(MockResponse response) {
        return response.status() + " " + response.headers() + " " + response.bodyText();
    }
}
