package io.github.paynetsavecard.mock.paynet;

import static io.github.paynetsavecard.mock.paynet.PaynetCalls.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.mock.junit.PaynetMockExtension;
import io.github.paynetsavecard.mock.paynet.PaynetCalls.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mock-only endpoints under /__paynet/, over HTTP: the cardholder's page, a session's state, the reset. */
class HostedPageTest {
    private static final String PAGE = "/__paynet/hosted-page";
    private static final JsonNode SCREEN = PaynetCalls.SPEC.at("/paths/~1v1~1paynetj~1save_card/post/x-paynet-hosted-page/screen");
    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder().build();
    private static PaynetCalls calls;

    @BeforeAll
    static void connect() {
        calls = new PaynetCalls(mock.baseUrl());
    }

    private static String text(String pointer) {
        return SCREEN.at(pointer).asText().strip();
    }

    /** A session whose save_card came without card_desc: the page is waiting for the cardholder. */
    private static String waitingSession() {
        String id = calls.auth();
        calls.saveCardWithoutDescription(id);
        return id;
    }

    private static Answer page(String id) {
        return calls.get(PAGE + "?session_id=" + PaynetCalls.encode(id));
    }

    @Test
    void showsTheNameFieldTheAgreementAndTheBoxWithLabelsInTurkish() {
        Answer page = page(waitingSession());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<html lang=\"tr\">")
                .contains("<label for=\"card-name\">" + text("/cardNameField/label") + "</label>")
                .contains("maxlength=\"" + SCREEN.at("/cardNameField/maxLength").asInt() + "\"")
                .contains(text("/agreement/title"))
                .contains("<input type=\"checkbox\" id=\"agreement\"")
                .contains("<label for=\"agreement\">" + text("/confirmation/label") + "</label>")
                .contains(text("/submitButton")).contains(text("/declineButton"))
                .contains("<link rel=\"stylesheet\" href=\"/__paynet/hosted-page.css\">")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("default-src 'none'"));
    }

    @Test
    void servesItsOwnStylesheet() {
        Answer css = calls.get("/__paynet/hosted-page.css");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(css.body()).contains(".agreement-text").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void submittingWithoutTheBoxShowsTheErrorAndStoresNothing() {
        String id = waitingSession();

        Answer answer = calls.form(PAGE, fields("session_id", id, "card_desc", "iş kartım", "action", "save"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("role=\"alert\"").contains(text("/errors/confirmationMissing")
                .replace("\"", "&quot;")).contains("value=\"iş kartım\"");
        assertThat(mock.paynet().session(id).orElseThrow().state()).isEqualTo(SessionState.AWAITING_CARDHOLDER);
        assertThat(mock.paynet().session(id).orElseThrow().cardDesc()).isEmpty();
    }

    @Test
    void submittingWithTheBoxAndANameStoresTheDescription() {
        String id = waitingSession();

        Answer answer = calls.form(PAGE, fields("session_id", id, "card_desc", "  iş kartım ", "agreement", "accepted",
                "action", "save"));
        JsonNode charge = calls.charge(id).json();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains(text("/afterSubmit/title")).contains("iş kartım");
        assertThat(charge.path("is_save_card_succeed").asBoolean()).isTrue();
        assertThat(mock.paynet().session(id).orElseThrow().storedCard().orElseThrow().cardDesc()).isEqualTo("iş kartım");
    }

    @Test
    void decliningLeavesTheCardUnsaved() {
        String id = waitingSession();

        Answer answer = calls.form(PAGE, fields("session_id", id, "card_desc", "", "action", "decline"));
        JsonNode charge = calls.charge(id).json();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains(text("/afterDecline/title"));
        assertThat(charge.path("is_save_card_succeed").asBoolean(true)).isFalse();
        assertThat(charge.path("save_card_result_message").asText()).isEqualTo(PaynetCalls.SPEC
                .at("/paths/~1v1~1paynetj~1save_card/post/x-paynet-hosted-page/saveCardResultMessages/declined").asText());
    }

    @Test
    void aMissingOrOverlongNameIsRefusedWithTheSpecsMessages() {
        String id = waitingSession();
        String overlong = "x".repeat(SCREEN.at("/cardNameField/maxLength").asInt() + 1);

        Answer missing = calls.form(PAGE, fields("session_id", id, "card_desc", "   ", "agreement", "accepted"));
        Answer tooLong = calls.form(PAGE, fields("session_id", id, "card_desc", overlong, "agreement", "accepted"));
        Answer justRight = calls.form(PAGE, fields("session_id", id, "card_desc", overlong.substring(1),
                "agreement", "accepted"));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains(text("/errors/nameMissing")).contains("aria-invalid=\"true\"");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains(text("/errors/nameTooLong"));
        assertThat(justRight.status()).isEqualTo(200);
    }

    @Test
    void escapesEverythingItEchoes() {
        String id = waitingSession();
        String hostile = "<script>alert('x')</script>\"&";

        Answer refused = calls.form(PAGE, fields("session_id", id, "card_desc", hostile));
        Answer saved = calls.form(PAGE, fields("session_id", id, "card_desc", hostile, "agreement", "accepted"));

        for (Answer answer : new Answer[] {refused, saved}) {
            assertThat(answer.body()).doesNotContain("<script>").doesNotContain(hostile)
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
        }
    }

    @Test
    void anUnknownSessionGetsAPageThatSaysSoWithA404() {
        Answer answer = page("js_neverCameFromAuth");

        assertThat(answer.status()).isEqualTo(SCREEN.at("/sessionPages/unknownSession/status").asInt());
        assertThat(answer.body()).contains(text("/sessionPages/unknownSession/title")).doesNotContain("<form");
    }

    @Test
    void anExpiredSessionGetsAPageThatSaysSoWithA410AndTheFormIsRefusedToo() {
        String id = waitingSession();
        mock.paynet().advanceClock(Duration.ofHours(1));

        Answer shown = page(id);
        Answer submitted = calls.form(PAGE, fields("session_id", id, "card_desc", "kart", "agreement", "accepted"));

        assertThat(shown.status()).isEqualTo(SCREEN.at("/sessionPages/expiredSession/status").asInt());
        assertThat(shown.body()).contains(text("/sessionPages/expiredSession/title"));
        assertThat(submitted.status()).isEqualTo(shown.status());
        assertThat(mock.paynet().session(id).orElseThrow().cardDesc()).isEmpty();
    }

    @Test
    void aChargedSessionGetsThePageThatSaysThePaymentIsDoneAndTheFormIsRefused() {
        String id = waitingSession();
        calls.charge(id);

        Answer shown = page(id);
        Answer submitted = calls.form(PAGE, fields("session_id", id, "card_desc", "kart", "agreement", "accepted"));

        assertThat(shown.status()).isEqualTo(SCREEN.at("/sessionPages/usedSession/status").asInt());
        assertThat(shown.body()).contains(text("/sessionPages/usedSession/title")).doesNotContain("<form");
        assertThat(submitted.status()).isEqualTo(shown.status());
    }

    @Test
    void aSessionWithoutACardNamingStepGets409() {
        Answer answer = page(calls.auth());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("save_card without card_desc");
    }

    @Test
    void badRequestsGetA4xxNamingTheFix() {
        String id = waitingSession();

        Answer noId = calls.get(PAGE);
        Answer twoIds = calls.get(PAGE + "?session_id=a&session_id=b");
        Answer formWithoutId = calls.form(PAGE, fields("card_desc", "x"));
        Answer badAction = calls.form(PAGE, fields("session_id", id, "action", "maybe"));
        Answer json = calls.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + PAGE))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        Answer badEscape = calls.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + PAGE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("session_id=%zz")));
        Answer twice = calls.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + PAGE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("session_id=" + PaynetCalls.encode(id) + "&card_desc=a&card_desc=b")));
        Answer put = calls.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + PAGE))
                .PUT(HttpRequest.BodyPublishers.noBody()));

        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.body()).contains("needs ?session_id=");
        assertThat(twoIds.status()).isEqualTo(400);
        assertThat(formWithoutId.status()).isEqualTo(400);
        assertThat(formWithoutId.body()).contains("session_id");
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.body()).contains("save or decline");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.body()).contains("application/x-www-form-urlencoded");
        // The server's guard refuses an undecodable form before the page sees it.
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("card_desc").contains("given twice");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).contains("GET, POST");
    }

    @Test
    void theSessionEndpointShowsTheStateAndTheCardDescription() {
        String id = waitingSession();

        JsonNode waiting = calls.get("/__paynet/session?session_id=" + PaynetCalls.encode(id)).json();
        calls.form(PAGE, fields("session_id", id, "card_desc", "iş kartım", "agreement", "accepted"));
        JsonNode described = calls.get("/__paynet/session?session_id=" + PaynetCalls.encode(id)).json();
        calls.charge(id);
        JsonNode charged = calls.get("/__paynet/session?session_id=" + PaynetCalls.encode(id)).json();

        assertThat(waiting.path("session_id").asText()).isEqualTo(id);
        assertThat(waiting.path("state").asText()).isEqualTo("awaiting_cardholder");
        assertThat(waiting.path("card_desc").isNull()).isTrue();
        assertThat(described.path("state").asText()).isEqualTo("card_described");
        assertThat(described.path("card_desc").asText()).isEqualTo("iş kartım");
        assertThat(charged.path("state").asText()).isEqualTo("charged");
        assertThat(charged.path("stored_card").path("card_desc").asText()).isEqualTo("iş kartım");
    }

    @Test
    void theSessionEndpointRefusesAnUnknownSessionAndWrongMethods() {
        Answer unknown = calls.get("/__paynet/session?session_id=js_nope");
        Answer noId = calls.get("/__paynet/session");
        Answer post = calls.post("/__paynet/session", PaynetCalls.requestExample(PaynetCalls.AUTH, "payment"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).contains("No session");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).contains("GET");
    }

    @Test
    void resetForgetsEverySessionAndTakesOnlyPost() {
        String id = calls.auth();

        Answer wrong = calls.get("/__paynet/reset");
        Answer done = calls.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__paynet/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(wrong.status()).isEqualTo(405);
        assertThat(done.status()).isEqualTo(204);
        assertThat(mock.paynet().session(id)).isEmpty();
    }

    @Test
    void anUnknownMockOnlyPathListsTheEndpoints() {
        // The prefix without its slash is the mock's own too: it lists the endpoints rather than the spec's 404.
        for (String path : List.of("/__paynet/nothing-here", "/__paynet")) {
            Answer answer = calls.get(path);

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().path("error").asText()).as(path).contains("/__paynet/hosted-page")
                    .contains("/__paynet/reset");
        }
    }
}
