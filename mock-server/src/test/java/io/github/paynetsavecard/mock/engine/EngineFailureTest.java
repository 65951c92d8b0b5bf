package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.spec.ApiSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the engine does when one of its steps fails, and why its cached answers are safe to hand out. */
class EngineFailureTest {
    private final List<String> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(MockEngine.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheEngineLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        log.removeHandler(capture);
    }

    @Test
    void aFailingStepIsLoggedOnceWithItsStackAndAnsweredWithPrismsProblem() {
        MockEngine engine = MockEngine.create(ApiSpec.bundled(), EngineOptions.defaults().withRequestRules(List.of(
                context -> {
                    throw new IllegalStateException("card_desc=onur ozdemir");
                })));

        MockResponse response = validSaveCard().sendTo(engine);
        MockResponse next = validSaveCard().header("Prefer", "code=200").sendTo(engine);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(body(response).path("type").asText()).isEqualTo("https://stoplight.io/prism/errors#UNKNOWN");
        assertThat(logged).hasSize(2).first().satisfies(line -> assertThat(line)
                .contains("POST /v1/paynetj/save_card")
                .contains("java.lang.IllegalStateException")
                .contains("at io.github.paynetsavecard.mock.engine.EngineFailureTest")
                .doesNotContain("onur ozdemir"));
        assertThat(next.status()).isEqualTo(500);
    }

    @Test
    void aCallerThatWritesIntoAnAnswerChangesNoLaterAnswer() {
        MockEngine engine = MockEngine.create(ApiSpec.bundled(), EngineOptions.defaults());
        MockResponse first = validSaveCard().sendTo(engine);
        byte[] original = first.body();

        Arrays.fill(first.body(), (byte) 'x');
        Arrays.fill(original, (byte) 'x');
        MockResponse second = validSaveCard().sendTo(engine);

        assertThat(second.bodyText()).isEqualTo(first.bodyText()).startsWith("{");
    }
}
