package io.github.paynetsavecard.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.paynetsavecard.conformance.contract.NamedExample;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.spec.ApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A deliberately broken target must fail the suite readably: the mock serves a copy of the spec whose default
 * response example breaks its own schema, the whole suite runs against it, and the failure must name the example
 * and the rule, in the test result and in the report.
 */
class BrokenTargetTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path WORK = Path.of(System.getProperty(SuiteSettings.WORK_DIR, "target/conformance"),
            "broken-target");

    @Test
    @DisplayName("the suite fails, naming the example and the broken rule, when the mock serves an example that breaks its schema")
    void suiteReportsAnExampleThatBreaksItsSchema() throws IOException {
        Path spec = Path.of(System.getProperty(SuiteSettings.SPEC, "../api-spec/openapi.yaml"));
        OperationContract saveCard = OperationContract.of(ApiSpec.load(spec), ConformanceTargets.SAVE_CARD);
        // The example a mock serves by default: the first one of the lowest 2xx response.
        NamedExample served = saveCard.responseExamples().stream().filter(example -> example.status().startsWith("2"))
                .findFirst().orElseThrow();
        Path broken = brokenCopy(spec, saveCard, served);
        Path report = WORK.resolve("conformance-report.md");
        Files.deleteIfExists(report);

        TestExecutionSummary summary = runSuite(broken, report);

        List<String> failures = summary.getFailures().stream()
                .map(failure -> String.valueOf(failure.getException().getMessage())).toList();
        assertThat(failures).as("failures of the suite against the broken mock").isNotEmpty()
                .anySatisfy(message -> assertThat(message)
                        .contains("the spec's example `" + served.name() + "`")
                        .contains("the body validates against the schema of response " + served.status())
                        .contains("keyword `type`")
                        .contains("session_id"));
        assertThat(Files.readString(report, StandardCharsets.UTF_8))
                .contains("**FAIL**")
                .contains("the spec's example `" + served.name() + "`")
                .as("the report shows the requests, never the key they carried")
                .contains("Authorization: Basic <redacted>")
                .doesNotContain(TargetPool.MOCK_KEY);
    }

    /** A copy of the spec whose example {@code served} has a number where its schema wants a string. */
    private static Path brokenCopy(Path spec, OperationContract saveCard, NamedExample served) throws IOException {
        JsonNode tree = YAML.readTree(spec.toFile());
        String pointer = "/paths/" + saveCard.path().replace("~", "~0").replace("/", "~1") + "/"
                + saveCard.method().toLowerCase(Locale.ROOT) + "/responses/" + served.status()
                + "/content/application~1json/examples/" + served.name() + "/value";
        JsonNode value = tree.at(pointer);
        assertThat(value.isObject()).as("example %s at %s", served.name(), pointer).isTrue();
        ((ObjectNode) value).put("session_id", 12345);
        Files.createDirectories(WORK);
        Path copy = WORK.resolve("openapi-with-a-broken-example.yaml");
        YAML.writeValue(copy.toFile(), tree);
        return copy;
    }

    private static TestExecutionSummary runSuite(Path spec, Path report) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SuiteOnMockAndPrismTest.class))
                .configurationParameter(SuiteSettings.TARGETS, TargetPool.MOCK)
                .configurationParameter(SuiteSettings.SPEC, spec.toString())
                .configurationParameter(SuiteSettings.REPORT, report.toString())
                .configurationParameter(SuiteSettings.WORK_DIR, WORK.toString())
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }
}
