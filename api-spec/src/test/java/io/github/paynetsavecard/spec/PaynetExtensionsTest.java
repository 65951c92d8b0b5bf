package io.github.paynetsavecard.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The spec's {@code x-paynet-*} extensions are read by the mock's Paynet mode, the client and the conformance suite
 * (docs/spec.md, "The Paynet extensions"). These tests hold their cross-references: every example an extension names
 * exists under the status it gives and carries the code it states, paired examples echo the session id, and the
 * hosted page's texts agree with the charge examples and the limits they quote.
 */
class PaynetExtensionsTest {
    private static final JsonNode ROOT = ApiSpec.bundled().tree();
    private static final Set<String> CHANNELS = Set.of("http-200", "error-object");

    @Test
    void theErrorChannelOfPaynetsRuleIsOneOfTheTwoChannels() {
        assertThat(ROOT.path("x-paynet-error-channel").asText()).isIn(CHANNELS);
    }

    @Test
    void everyStateAnswerNamesAnExampleOfItsStatus() {
        List<String> checked = new ArrayList<>();
        for (String operationId : List.of("createSession", "saveCard", "charge")) {
            JsonNode answers = operation(operationId).path("x-paynet-state-answers");
            assertThat(answers.isObject()).as("x-paynet-state-answers of %s", operationId).isTrue();
            for (Map.Entry<String, JsonNode> state : fields(answers)) {
                if (state.getValue().has("example")) {
                    checked.add(operationId + "." + state.getKey());
                    assertThat(example(operationId, state.getValue()).isMissingNode())
                            .as("%s.%s names %s", operationId, state.getKey(), state.getValue()).isFalse();
                }
            }
        }
        assertThat(checked).contains("createSession.started", "saveCard.described", "saveCard.hostedPage",
                "charge.cardSaved", "charge.pageNotCompleted", "charge.repeatedCharge");
    }

    @Test
    void everyRejectionHasBothChannelsAndItsExamplesCarryItsCode() {
        for (String operationId : List.of("saveCard", "charge")) {
            for (Map.Entry<String, JsonNode> rejection : fields(
                    operation(operationId).path("x-paynet-state-answers").path("rejections"))) {
                List<JsonNode> readings = new ArrayList<>(List.of(rejection.getValue()));
                if (rejection.getValue().has("alternative")) {
                    readings.add(rejection.getValue().get("alternative"));
                }
                for (JsonNode reading : readings) {
                    String where = operationId + " rejection " + rejection.getKey();
                    JsonNode onHttp200 = reading.path("http-200");
                    JsonNode asError = reading.path("error-object");
                    assertThat(onHttp200.path("status").asInt()).as(where).isEqualTo(200);
                    assertThat(asError.path("status").asInt()).as(where).isBetween(400, 499);
                    assertThat(example(operationId, onHttp200).path("code").asInt(-1)).as(where)
                            .isEqualTo(reading.path("code").asInt());
                    assertThat(example(operationId, asError).path("result_code").asInt(-1)).as(where)
                            .isEqualTo(reading.path("code").asInt());
                }
            }
        }
    }

    @Test
    void saveCardNamesItsSessionAndOtpRejections() {
        JsonNode rejections = operation("saveCard").path("x-paynet-state-answers").path("rejections");

        assertThat(names(rejections)).contains("unknownSession", "usedSession", "expiredSession", "otpGsmMissing");
        assertThat(rejections.path("unknownSession").path("code").asInt()).isEqualTo(13);
        assertThat(rejections.path("usedSession").path("code").asInt()).isEqualTo(17);
    }

    @Test
    void pairedExamplesEchoTheSessionIdUnlessMarkedAsPaynetsOwn() {
        JsonNode pairs = operation("saveCard").path("x-paynet-example-pairs");
        Set<String> pairedRequests = new HashSet<>();
        for (JsonNode pair : pairs) {
            JsonNode request = requestExample("saveCard", pair.path("request").asText());
            JsonNode response = responseExample("saveCard", "200", pair.path("response").asText());
            pairedRequests.add(pair.path("request").asText());
            assertThat(request.isMissingNode() || response.isMissingNode()).as("pair %s", pair).isFalse();
            if (pair.path("echoesSessionId").asBoolean(true)) {
                assertThat(response.path("session_id")).as("pair %s", pair).isEqualTo(request.path("session_id"));
            }
        }
        assertThat(pairedRequests).as("every save_card request example is paired")
                .isEqualTo(names(requestExamples("saveCard")));
    }

    @Test
    void theHostedPageExamplesArePaired() {
        JsonNode hostedPage = operation("saveCard").path("x-paynet-hosted-page");
        JsonNode pairs = operation("saveCard").path("x-paynet-example-pairs");

        assertThat(pairs).anySatisfy(pair -> {
            assertThat(pair.path("request")).isEqualTo(hostedPage.path("requestExample"));
            assertThat(pair.path("response")).isEqualTo(hostedPage.path("responseExample"));
        });
    }

    @Test
    void chargeReportsTheHostedPagesResultMessages() {
        JsonNode messages = operation("saveCard").path("x-paynet-hosted-page").path("saveCardResultMessages");
        List<String> used = new ArrayList<>();
        for (Map.Entry<String, JsonNode> state : fields(operation("charge").path("x-paynet-state-answers"))) {
            if (state.getValue().has("resultMessage")) {
                String key = state.getValue().get("resultMessage").asText();
                used.add(key);
                JsonNode answer = example("charge", state.getValue());
                assertThat(answer.path("is_save_card_succeed").asBoolean(true)).as(state.getKey()).isFalse();
                assertThat(answer.path("save_card_result_message")).as(state.getKey()).isEqualTo(messages.path(key));
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(names(messages));
        assertThat(operation("saveCard").path("x-paynet-hosted-page").path("onDecline").path("resultMessage").asText())
                .isIn(used);
    }

    @Test
    void theHostedPageCarriesEveryTextThePageNeeds() {
        JsonNode screen = operation("saveCard").path("x-paynet-hosted-page").path("screen");
        List<String> paths = List.of("title", "cardNameField.label", "cardNameField.hint", "agreement.title",
                "agreement.text", "confirmation.label", "submitButton", "declineButton", "errors.confirmationMissing",
                "errors.nameMissing", "errors.nameTooLong", "sessionPages.unknownSession.title",
                "sessionPages.unknownSession.text", "sessionPages.expiredSession.title",
                "sessionPages.expiredSession.text");
        for (String path : paths) {
            JsonNode text = screen;
            for (String key : path.split("\\.")) {
                text = text.path(key);
            }
            assertThat(text.isTextual() && !text.asText().isBlank()).as("screen.%s", path).isTrue();
        }
        assertThat(screen.path("agreement").path("title").asText()).isEqualTo("Paynet kart saklama üyelik sözleşmesi");
        assertThat(screen.path("confirmation").path("label").asText()).isEqualTo("Okudum, anladım");
        assertThat(screen.path("sessionPages").path("unknownSession").path("status").asInt()).isBetween(400, 499);
        assertThat(screen.path("sessionPages").path("expiredSession").path("status").asInt()).isBetween(400, 499);
    }

    @Test
    void theOverlongNameErrorQuotesTheDeclaredLimit() {
        JsonNode screen = operation("saveCard").path("x-paynet-hosted-page").path("screen");
        JsonNode maxLength = screen.path("cardNameField").path("maxLength");

        assertThat(maxLength.isInt() && maxLength.asInt() > 0).isTrue();
        assertThat(screen.path("errors").path("nameTooLong").asText()).contains(String.valueOf(maxLength.asInt()));
    }

    @Test
    void everyUnknownOfTheHostedPageHasItsOwnKeyAndAQuestion() {
        JsonNode unknowns = operation("saveCard").path("x-paynet-hosted-page").path("unknowns");
        Set<String> keys = new HashSet<>();

        assertThat(unknowns.size()).isPositive();
        for (JsonNode unknown : unknowns) {
            assertThat(keys.add(unknown.path("key").asText())).as("unique key %s", unknown).isTrue();
            assertThat(unknown.path("question").asText()).as("question of %s", unknown).isNotBlank();
        }
        assertThat(keys).contains("screenLocation", "answerSignal", "nameMaxLength", "declineBehaviour");
    }

    @Test
    void authsSessionExampleHasPaynetsForm() {
        JsonNode session = operation("createSession").path("x-paynet-session");
        String prefix = session.path("idPrefix").asText();
        JsonNode started = example("createSession", operation("createSession").path("x-paynet-state-answers")
                .path("started"));

        assertThat(prefix).isEqualTo("js_");
        assertThat(started.path("session_id").asText()).matches(prefix + "[A-Za-z0-9+/]{48}");
        assertThat(session.path("idExample").asText()).startsWith(prefix);
        assertThat(started.path("expire_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(names(schema("AuthRequest").path("properties")))
                .containsAll(textList(session.path("storedFields")));
    }

    @Test
    void chargeIsMarkedPartialAndTakesItsRequiredFields() {
        assertThat(operation("charge").path("x-paynet-partial").asBoolean()).isTrue();
        assertThat(textList(schema("ChargeRequest").path("required"))).containsExactly("session_id", "token_id");
        assertThat(names(schema("ChargeResponse").path("properties"))).contains("is_save_card_succeed",
                "save_card_result_message", "card_owner_id", "user_unique_id", "card_hash", "id", "code", "message");
    }

    // ---- reading the tree ---------------------------------------------------------------------------------------

    private static JsonNode operation(String operationId) {
        for (JsonNode path : ROOT.path("paths")) {
            for (JsonNode operation : path) {
                if (operation.path("operationId").asText().equals(operationId)) {
                    return operation;
                }
            }
        }
        throw new AssertionError("no operation " + operationId);
    }

    /** The example an answer entry {@code {status, example}} names; a missing node when there is none. */
    private static JsonNode example(String operationId, JsonNode answer) {
        return responseExample(operationId, answer.path("status").asText(), answer.path("example").asText());
    }

    private static JsonNode responseExample(String operationId, String status, String name) {
        JsonNode response = resolve(operation(operationId).path("responses").path(status));
        return response.path("content").path("application/json").path("examples").path(name).path("value");
    }

    private static JsonNode requestExamples(String operationId) {
        return operation(operationId).path("requestBody").path("content").path("application/json").path("examples");
    }

    private static JsonNode requestExample(String operationId, String name) {
        return requestExamples(operationId).path(name).path("value");
    }

    private static JsonNode schema(String name) {
        return ROOT.path("components").path("schemas").path(name);
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = ROOT;
        for (String key : ref.substring(2).split("/")) {
            target = target.path(key);
        }
        return target;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("rejections") && !entry.getKey().equals("echoes")) {
                fields.add(entry);
            }
        });
        return fields;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!name.equals("$ref")) {
                names.add(name);
            }
        });
        return names;
    }

    private static List<String> textList(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
