package io.github.paynetsavecard.spec.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.SpecCopy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLintTest {
    private static final String JSON = "application/json";

    @TempDir
    Path dir;

    private final SpecCopy spec = SpecCopy.ofRealSpec();

    @Test
    void realSpecHasNoProblems() {
        LintReport report = SpecLint.check(ApiSpec.load(SpecCopy.REAL_SPEC));

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.render()).contains("operations have an operationId", "examples match their schemas");
    }

    @Test
    void checksEveryOperationAndEveryNamedExampleOfTheRealSpec() {
        LintReport report = SpecLint.check(ApiSpec.load(SpecCopy.REAL_SPEC));

        int saveCardExamples = requestContent("saveCard").path("examples").size()
                + responseContent("saveCard", "200").path("examples").size();
        assertThat(saveCardExamples).isPositive();
        assertThat(report.examplesChecked()).isGreaterThan(saveCardExamples);
        int operations = 0;
        for (var path : spec.root().path("paths")) {
            for (var operation : path) {
                operations += operation.has("responses") ? 1 : 0;
            }
        }
        assertThat(report.operations()).isEqualTo(operations).isPositive();
    }

    @Test
    void namesTheResponseExampleWhoseCodeIsNotAnInteger() {
        spec.object(responseContent("saveCard", "200"), "examples", "saved", "value").put("code", "zero");

        LintReport report = lint();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location())
                    .isEqualTo(spec.locationOf("saveCard") + ".responses.200.content." + JSON + ".examples.saved");
            assertThat(problem.message()).isEqualTo("$.code: must be integer");
        });
    }

    @Test
    void namesTheRequestExampleWhosePhoneNumberStartsWithZero() {
        ObjectNode example = spec.object(requestContent("saveCard"), "examples", "withGsmForOtp", "value");
        example.put("user_gsm", "0" + example.get("user_gsm").asText());

        LintReport report = lint();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo(
                    spec.locationOf("saveCard") + ".requestBody.content." + JSON + ".examples.withGsmForOtp");
            assertThat(problem.message()).startsWith("$.user_gsm: must match pattern");
        });
        assertThat(report.render()).contains(problem(report));
    }

    @Test
    void namesAnExampleThatLacksARequiredField() {
        spec.object(requestContent("saveCard"), "examples", "hostedPage", "value").remove("session_id");

        assertThat(lint().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).endsWith(".examples.hostedPage");
            assertThat(problem.message()).isEqualTo("$: must have required property 'session_id'");
        });
    }

    @Test
    void namesASchemaLevelExampleOfTheWrongType() {
        ObjectNode request = spec.resolve(requestContent("saveCard").get("schema"));
        request.withObject("properties").withObject("card_desc").put("example", 12);

        assertThat(lint().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).startsWith("components.schemas.")
                    .endsWith(".properties.card_desc.example");
            assertThat(problem.message()).isEqualTo("$: must be string");
        });
    }

    @Test
    void checksASharedResponseExampleOnceWhereItIsDefined() {
        ObjectNode unauthorized = spec.resolve(spec.object(spec.operation("saveCard"), "responses", "401"));
        ObjectNode examples = spec.object(unauthorized, "content", JSON, "examples");
        String name = examples.fieldNames().next();
        spec.object(examples, name, "value").put("result_code", "seven");

        assertThat(lint().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).startsWith("components.responses.").endsWith(".examples." + name);
            assertThat(problem.message()).isEqualTo("$.result_code: must be integer");
        });
    }

    @Test
    void checksAReferencedExampleWhereItIsUsed() {
        ObjectNode examples = spec.object(responseContent("saveCard", "200"), "examples");
        ObjectNode saved = spec.object(examples, "saved").deepCopy();
        saved.withObject("value").put("message", 42);
        spec.root().withObject("components").withObject("examples").set("savedShared", saved);
        examples.putObject("saved").put("$ref", "#/components/examples/savedShared");

        assertThat(lint().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).endsWith(".responses.200.content." + JSON + ".examples.saved");
            assertThat(problem.message()).isEqualTo("$.message: must be string");
        });
    }

    @Test
    void reportsAnExampleReferenceThatPointsNowhere() {
        spec.object(responseContent("saveCard", "200"), "examples").putObject("saved")
                .put("$ref", "#/components/examples/nowhere");

        assertThat(lint().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).endsWith(".examples.saved");
            assertThat(problem.message()).contains("#/components/examples/nowhere", "does not point to anything");
        });
    }

    @Test
    void checksTheExamplesOfParameters() {
        ObjectNode parameter = spec.operation("saveCard").withArray("parameters").addObject()
                .put("name", "X-Request-Id").put("in", "header");
        parameter.putObject("schema").put("type", "integer");
        parameter.put("example", "abc");

        assertThat(lint().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo(spec.locationOf("saveCard") + ".parameters.X-Request-Id.example");
            assertThat(problem.message()).isEqualTo("$: must be integer");
        });
    }

    @Test
    void reportsEveryBrokenExampleNotJustTheFirst() {
        spec.object(responseContent("saveCard", "200"), "examples", "saved", "value").put("code", "zero");
        spec.object(responseContent("saveCard", "200"), "examples", "noSession", "value").put("code", "13");

        assertThat(lint().problems()).extracting(SpecProblem::location)
                .hasSize(2)
                .anySatisfy(location -> assertThat(location).endsWith(".examples.saved"))
                .anySatisfy(location -> assertThat(location).endsWith(".examples.noSession"));
    }

    @Test
    void namesTheOperationWithoutAnOperationId() {
        String location = spec.locationOf("saveCard");
        spec.operation("saveCard").remove("operationId");

        LintReport report = lint();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo(location);
            assertThat(problem.message()).startsWith("has no operationId");
        });
        assertThat(report.render()).contains(location + ": has no operationId");
    }

    @Test
    void namesAHostedPageExtensionThatPointsAtExamplesTheOperationLacks() {
        ObjectNode hostedPage = spec.object(spec.operation("saveCard"), "x-paynet-hosted-page");
        hostedPage.put("requestExample", "noSuchRequest");
        hostedPage.put("responseExample", "noSuchResponse");

        LintReport report = lint();

        assertThat(report.problems()).extracting(SpecProblem::location).containsExactly(
                spec.locationOf("saveCard") + ".x-paynet-hosted-page.requestExample",
                spec.locationOf("saveCard") + ".x-paynet-hosted-page.responseExample");
        assertThat(report.problems()).extracting(SpecProblem::message)
                .anySatisfy(m -> assertThat(m).contains("'noSuchRequest'"))
                .anySatisfy(m -> assertThat(m).contains("'noSuchResponse'"));
    }

    @Test
    void findsTheHostedPageRequestExampleInARequestBodyGivenByReference() {
        ObjectNode operation = spec.operation("saveCard");
        spec.root().withObject("components").withObject("requestBodies").set("SaveCard", operation.get("requestBody"));
        operation.putObject("requestBody").put("$ref", "#/components/requestBodies/SaveCard");

        assertThat(lint().problems()).isEmpty();
    }

    private LintReport lint() {
        return SpecLint.check(ApiSpec.load(spec.writeTo(dir.resolve("openapi.yaml"))));
    }

    private ObjectNode requestContent(String operationId) {
        return spec.object(spec.operation(operationId), "requestBody", "content", JSON);
    }

    private ObjectNode responseContent(String operationId, String status) {
        return spec.object(spec.resolve(spec.object(spec.operation(operationId), "responses", status)), "content",
                JSON);
    }

    private static String problem(LintReport report) {
        return report.problems().get(0).toString();
    }
}
