package io.github.paynetsavecard.spec.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecGateTest {
    @TempDir
    Path dir;

    private Path baseline;
    private Path spec;

    private void files(String editName) {
        SpecEdit edit = SpecEdit.read(SpecEdit.CORPUS.resolve("edits").resolve(editName + ".yaml"));
        baseline = SpecEdit.write(SpecEdit.base(), dir.resolve("baseline.yaml"));
        spec = SpecEdit.write(edit.apply(), dir.resolve("openapi.yaml"));
    }

    private Map<String, String> compareOptions(boolean skip) {
        return Map.of("spec", spec.toString(), "baseline", baseline.toString(),
                "baseline-client-classes", dir.resolve("no-such-dir").toString(),
                "client-classes", dir.resolve("no-such-dir").toString(), "project-version", "0.1.0-SNAPSHOT",
                "report", dir.resolve("report.txt").toString(), "skip", Boolean.toString(skip));
    }

    @Test
    void turnedOffItSaysSoAndLeavesNoReportToAccept() throws Exception {
        files("06-request-field-required");
        Files.writeString(dir.resolve("report.txt"), "stale");

        String printed = printed(() -> SpecGate.compare(compareOptions(true)));

        assertThat(printed).startsWith("Breaking-change gate SKIPPED (-Dpaynet.gate.skip=true)");
        assertThat(dir.resolve("report.txt")).doesNotExist();
    }

    @Test
    void anUnreadableBaselineIsOneLineNamingTheFile() throws Exception {
        files("10-request-optional-property-added");
        Files.writeString(baseline, "openapi: 3.0.3\npaths: [\n");

        assertThatThrownBy(() -> SpecGate.compare(compareOptions(false)))
                .isInstanceOf(GateFailure.class)
                .hasMessageStartingWith(GateFiles.shown(baseline) + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aVersionThatIsNotSemverIsOneLineNamingTheFile() {
        files("31-version-bump-only");
        SpecEdit.write(SpecEdit.base().put("openapi", "3.0.3").set("info",
                SpecEdit.YAML.createObjectNode().put("title", "t").put("version", "1.0")), spec);

        assertThatThrownBy(() -> SpecGate.compare(compareOptions(false)))
                .isInstanceOf(GateFailure.class)
                .hasMessage(GateFiles.shown(spec) + ": info.version 1.0 is not a semantic version (MAJOR.MINOR.PATCH,"
                        + " e.g. 0.2.0)");
    }

    @Test
    void theSpecEqualToTheBaselineIsNotComparedAtAll() {
        files("31-version-bump-only");
        spec = baseline;

        String printed = printed(() -> SpecGate.compare(compareOptions(false)));

        assertThat(printed).contains("No changes: the spec is the baseline (0.1.0).");
    }

    @Test
    void acceptingWritesTheReportAsAChangelogEntryAndMakesTheSpecTheBaseline() throws Exception {
        files("10-request-optional-property-added");
        GateReport report = GateReport.of("openapi.yaml", "baseline.yaml", version("0.1.1"), version("0.1.0"),
                version("0.1.1-SNAPSHOT"), WireCheck.compare(SpecGate.parse(baseline), SpecGate.parse(spec)),
                java.util.List.of());
        GateRecord.of(spec, baseline, report).writeTo(dir.resolve("report.txt"));
        Path changelog = Files.writeString(dir.resolve("CHANGELOG.md"), "# Changelog\n\nIntro.\n\n## 0.1.0 (2026-11-01)\n\nfirst\n");

        printed(() -> SpecGate.accept(Map.of("spec", spec.toString(), "baseline", baseline.toString(),
                "report", dir.resolve("report.txt").toString(), "changelog", changelog.toString())));

        assertThat(baseline).hasSameBinaryContentAs(spec);
        assertThat(Files.readString(changelog))
                .startsWith("# Changelog\n\nIntro.\n\n## 0.1.1 (")
                .contains("- compatible  schema SaveCardRequest: property card_holder added\n")
                .contains("\n0.1.1 (baseline 0.1.0): 1 compatible change, none breaking\n")
                .endsWith("## 0.1.0 (2026-11-01)\n\nfirst\n");
    }

    @Test
    void acceptingRefusesAReportOfOtherFiles() throws Exception {
        files("10-request-optional-property-added");
        GateReport report = GateReport.identical("s", "b", version("0.1.0"), version("0.1.0"));
        GateRecord.of(baseline, baseline, report).writeTo(dir.resolve("report.txt"));

        assertThatThrownBy(() -> SpecGate.accept(Map.of("spec", spec.toString(), "baseline", baseline.toString(),
                "report", dir.resolve("report.txt").toString(), "changelog", dir.resolve("C.md").toString())))
                .isInstanceOf(GateFailure.class)
                .hasMessageContaining("not of the current")
                .hasMessageContaining("./mvnw -q -DskipTests verify -pl api-spec,generated-client");
        assertThat(dir.resolve("C.md")).doesNotExist();
    }

    private static SemanticVersion version(String text) {
        return SemanticVersion.parse(text).orElseThrow();
    }

    private static String printed(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
