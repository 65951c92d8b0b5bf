package io.github.paynetsavecard.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.SpecCopy;
import io.github.paynetsavecard.spec.compat.SpecBuildCheck.Outcome;
import io.github.paynetsavecard.spec.compat.SpecBuildCheck.SpecCheckFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecBuildCheckTest {
    private static final Path COMMITTED_BASELINE = Path.of("baseline", "openapi.yaml");

    @TempDir
    Path dir;

    private final SpecCopy spec = SpecCopy.ofRealSpec();

    @Test
    void realSpecPassesEveryCheck() {
        Outcome outcome = SpecBuildCheck.run(SpecCopy.REAL_SPEC, COMMITTED_BASELINE);

        assertThat(outcome.passed()).as(outcome.report()).isTrue();
        assertThat(outcome.report()).contains("examples match their schemas", "Breaking-change check");
    }

    @Test
    void aFileThatDoesNotParseFailsWithItsName() throws Exception {
        Path broken = Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.3\npaths: [\n  {\n");

        Outcome outcome = SpecBuildCheck.run(broken, COMMITTED_BASELINE);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.report()).contains("The spec check failed", broken.toString(), "not YAML or JSON");
    }

    @Test
    void aDocumentThatIsNotValidOpenApiFailsWithTheParsersWords() {
        spec.root().remove("info");
        Path invalid = spec.writeTo(dir.resolve("openapi.yaml"));

        Outcome outcome = SpecBuildCheck.run(invalid, COMMITTED_BASELINE);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.report()).contains(invalid.toString(), "info is missing");
    }

    @Test
    void aRepeatedOperationIdFailsWithTheParsersWords() {
        spec.operation("saveCard").put("operationId", "createSession");

        Outcome outcome = SpecBuildCheck.run(spec.writeTo(dir.resolve("openapi.yaml")), COMMITTED_BASELINE);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.report()).contains("operationId is repeated");
    }

    @Test
    void reportsBrokenExamplesAndBreakingChangesTogether() {
        ObjectNode request = spec.resolve(
                spec.object(spec.operation("saveCard"), "requestBody", "content", "application/json", "schema"));
        request.withArray("required").add("card_desc");

        Outcome outcome = SpecBuildCheck.run(spec.writeTo(dir.resolve("openapi.yaml")), COMMITTED_BASELINE);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.report())
                .contains(".examples.hostedPage: $: must have required property 'card_desc'")
                .contains("card_desc is now required");
    }

    @Test
    void aMissingBaselineFailsAndSaysHowToCreateIt() {
        Outcome outcome = SpecBuildCheck.run(SpecCopy.REAL_SPEC, dir.resolve("no-baseline.yaml"));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.report()).contains("No baseline", CompatibilityReport.ACCEPT_COMMAND);
    }

    @Test
    void mainFailsWithTheWholeReportAsTheMessage() {
        spec.operation("createSession").remove("operationId");
        Path file = spec.writeTo(dir.resolve("openapi.yaml"));

        assertThatThrownBy(() -> SpecBuildCheck.main(new String[] {file.toString(), COMMITTED_BASELINE.toString()}))
                .isInstanceOf(SpecCheckFailedException.class)
                .hasMessageContaining("has no operationId")
                .hasMessageContaining("operationId changed from createSession to (none)");
    }
}
