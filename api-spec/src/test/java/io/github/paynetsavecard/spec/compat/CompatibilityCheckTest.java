package io.github.paynetsavecard.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.InvalidSpecException;
import io.github.paynetsavecard.spec.SpecCopy;
import io.github.paynetsavecard.spec.compat.CompatibilityReport.Verdict;
import io.github.paynetsavecard.spec.compat.SpecChange.Impact;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityCheckTest {
    private static final String JSON = "application/json";
    // A field Paynet does not have, so that adding it is a change whatever the spec holds.
    private static final String ADDED_FIELD = "added_by_test";

    @TempDir
    Path dir;

    private final SpecCopy spec = SpecCopy.ofRealSpec();
    private Path baseline;

    // The baseline of these tests is the real spec as it is now, written the same way as the changed copy.
    @BeforeEach
    void writeBaseline() {
        baseline = SpecCopy.ofRealSpec().writeTo(dir.resolve("baseline.yaml"));
    }

    @Test
    void realSpecBreaksNothingAgainstTheCommittedBaseline() {
        CompatibilityReport report = CompatibilityCheck.compare(Path.of("baseline", "openapi.yaml"), SpecCopy.REAL_SPEC);

        assertThat(report.incompatible()).as(report.render()).isFalse();
        assertThat(report.changes(Impact.BREAKING)).isEmpty();
    }

    @Test
    void unchangedSpecSaysSo() {
        CompatibilityReport report = compare();

        assertThat(report.verdict()).isEqualTo(Verdict.NO_CHANGES);
        assertThat(report.changes()).isEmpty();
        assertThat(report.render()).contains("No changes");
    }

    @Test
    void makingCardDescRequiredIsIncompatibleAndNamed() {
        requestSchema().withArray("required").add("card_desc");

        CompatibilityReport report = compare();

        assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(report.changes(Impact.BREAKING)).singleElement().satisfies(change -> {
            assertThat(change.location()).contains("request body").contains(JSON);
            assertThat(change.description()).isEqualTo("card_desc is now required");
        });
        assertThat(report.render())
                .contains("INCOMPATIBLE", "BREAKING", "card_desc is now required", CompatibilityReport.ACCEPT_COMMAND);
    }

    @Test
    void deletingMessageFromThe200ResponseIsIncompatible() {
        ObjectNode response = responseSchema("200");
        response.withObject("properties").remove("message");
        var required = response.withArray("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals("message")) {
                required.remove(i);
            }
        }

        CompatibilityReport report = compare();

        assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(report.changes(Impact.BREAKING))
                .isNotEmpty()
                .allSatisfy(change -> assertThat(change.location()).contains("response 200"))
                .anySatisfy(change -> assertThat(change.description()).isEqualTo("property message removed (it was required)"));
        assertThat(report.render()).contains("property message removed");
    }

    @Test
    void addingAnOptionalRequestFieldIsCompatibleAndListed() {
        ObjectNode properties = requestSchema().withObject("properties");
        assertThat(properties.has(ADDED_FIELD)).as("the spec already has " + ADDED_FIELD).isFalse();
        properties.putObject(ADDED_FIELD).put("type", "string");

        CompatibilityReport report = compare();

        assertThat(report.verdict()).isEqualTo(Verdict.COMPATIBLE);
        assertThat(report.incompatible()).isFalse();
        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.impact()).isEqualTo(Impact.COMPATIBLE);
            assertThat(change.description()).isEqualTo("property " + ADDED_FIELD + " added");
        });
        assertThat(report.render()).contains("COMPATIBLE", "property " + ADDED_FIELD + " added");
    }

    @Test
    void removingAResponseStatusIsIncompatible() {
        spec.operation("saveCard").withObject("responses").remove("403");

        CompatibilityReport report = compare();

        assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(report.changes(Impact.BREAKING)).singleElement()
                .satisfies(change -> assertThat(change.description()).isEqualTo("response 403 removed"));
    }

    @Test
    void narrowingTheTypeOfAResponseFieldIsIncompatible() {
        responseSchema("200").withObject("properties").withObject("code").put("type", "string");

        CompatibilityReport report = compare();

        assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(report.changes(Impact.BREAKING)).anySatisfy(change ->
                assertThat(change.description()).isEqualTo("code: type changed from integer to string"));
    }

    @Test
    void renamingAnOperationIdBreaksCodeBuiltOnTheGeneratedClient() {
        spec.operation("saveCard").put("operationId", "storeCard");

        CompatibilityReport report = compare();

        assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
        assertThat(report.changes(Impact.BREAKING)).singleElement().satisfies(change ->
                assertThat(change.description()).isEqualTo("operationId changed from saveCard to storeCard"));
    }

    @Test
    void rewordingADescriptionBreaksNothing() {
        ObjectNode cardDesc = requestSchema().withObject("properties").withObject("card_desc");
        cardDesc.put("description", cardDesc.path("description").asText() + " Reworded.");

        CompatibilityReport report = compare();

        assertThat(report.incompatible()).isFalse();
        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.impact()).isEqualTo(Impact.DOCUMENTATION);
            assertThat(change.description()).isEqualTo("card_desc: description changed");
        });
    }

    @Test
    void anInvalidBaselineIsReportedWithItsName() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken-baseline.yaml"), "openapi: 3.0.3\npaths: [\n");
        Path current = spec.writeTo(dir.resolve("openapi.yaml"));

        assertThatThrownBy(() -> CompatibilityCheck.compare(broken, current))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(broken.toString());
    }

    private CompatibilityReport compare() {
        return CompatibilityCheck.compare(baseline, spec.writeTo(dir.resolve("openapi.yaml")));
    }

    private ObjectNode requestSchema() {
        return spec.resolve(spec.object(spec.operation("saveCard"), "requestBody", "content", JSON, "schema"));
    }

    private ObjectNode responseSchema(String status) {
        ObjectNode response = spec.resolve(spec.object(spec.operation("saveCard"), "responses", status));
        return spec.resolve(spec.object(response, "content", JSON, "schema"));
    }
}
