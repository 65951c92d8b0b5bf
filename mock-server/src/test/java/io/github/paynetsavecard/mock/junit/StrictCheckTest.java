package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.SpecCalls;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The strict check, run on small test classes of its own: a request that the mock refuses for breaking the spec
 * fails the test that sent it, with the violations, unless the test expects it; business rejections and answers
 * forced with {@code Prefer} never do.
 */
class StrictCheckTest {
    private static final String INVALID_BODY = "{\"session_id\":42,\"card_desc\":\"onur ozdemir\"}";

    private static void post(String baseUrl, String body, String... headers) {
        HttpRequest.Builder request = saveCard(baseUrl).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        send(request);
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    static class SendsAnInvalidBody {
        @RegisterExtension
        static PaynetMockExtension mock = PaynetMockExtension.builder().build();

        @Test
        void sendsIt() {
            post(mock.baseUrl(), INVALID_BODY);
        }

        @Test
        @ExpectsInvalidRequests
        void expectsIt() {
            post(mock.baseUrl(), INVALID_BODY);
            assertThat(mock.invalidRequests()).singleElement()
                    .satisfies(sent -> assertThat(sent.violations()).anyMatch(line -> line.contains("session_id")));
        }

        @Test
        void saysSoInTheTest() {
            mock.expectInvalidRequests();
            post(mock.baseUrl(), INVALID_BODY);
        }

        @Test
        void getsABusinessRejection() {
            post(mock.baseUrl(), SpecCalls.saveCardRequestExample("withDescription")); // 13: never came from Auth
        }

        @Test
        void forcesAnErrorWithPrefer() {
            post(mock.baseUrl(), SpecCalls.saveCardRequestExample("withDescription"), "Prefer", "code=401");
        }
    }

    @Test
    void aTestThatSendsAnInvalidRequestFailsWithTheViolationsAndTheWayOut() {
        Events events = run(SendsAnInvalidBody.class);

        events.assertThatEvents().haveExactly(1, event(
                org.junit.platform.testkit.engine.EventConditions.test("sendsIt"),
                finishedWithFailure(instanceOf(AssertionError.class),
                        message(text -> text.contains("refused 1 request of this test for breaking the spec")
                                && text.contains("POST /v1/paynetj/save_card -> 400")
                                && text.contains("request.body.session_id")
                                && text.contains("@ExpectsInvalidRequests")))));
    }

    @Test
    void aTestThatExpectsItOrAnswersForAnAnswerItChosePasses() {
        Events events = run(SendsAnInvalidBody.class);

        for (String test : new String[] {"expectsIt", "saysSoInTheTest", "getsABusinessRejection",
                "forcesAnErrorWithPrefer"}) {
            events.assertThatEvents().haveExactly(1, event(
                    org.junit.platform.testkit.engine.EventConditions.test(test), finishedSuccessfully()));
        }
    }

    static class NotStrict {
        @RegisterExtension
        static PaynetMockExtension mock = PaynetMockExtension.builder().strict(false).build();

        @Test
        void sendsAnInvalidBody() {
            post(mock.baseUrl(), INVALID_BODY);
        }
    }

    @PaynetMockTest(strict = false)
    static class NotStrictByAnnotation {
        @Test
        void callsAPathTheSpecLacks(PaynetMockServer mock) {
            send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/nope")));
        }
    }

    @Test
    void strictOffLetsInvalidRequestsPass() {
        run(NotStrict.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
        run(NotStrictByAnnotation.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @PaynetMockTest
    static class CallsAPathTheSpecLacks {
        @Test
        void callsIt(PaynetMockServer mock) {
            send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/paynetj/save_cards")));
        }
    }

    @Test
    void theAnnotationIsStrictByDefaultAndAnUnknownPathBreaksTheSpec() {
        run(CallsAPathTheSpecLacks.class).assertThatEvents().haveExactly(1, event(
                finishedWithFailure(instanceOf(AssertionError.class),
                        message(text -> text.contains("GET /v1/paynetj/save_cards -> 404")
                                && text.contains("no path matched")))));
    }

    static class RecordsNothing {
        @RegisterExtension
        static PaynetMockExtension mock = PaynetMockExtension.builder().recordedRequestLimit(0).build();

        @Test
        void runs() {
        }
    }

    @Test
    void strictWithoutRecordingFailsAtStartNamingBothFixes() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(RecordsNothing.class)).execute()
                .containerEvents().assertThatEvents().haveAtLeastOne(event(finishedWithFailure(
                        instanceOf(IllegalStateException.class),
                        message(text -> text.contains("recordedRequestLimit(0)") && text.contains("strict(false)")))));
    }
}
