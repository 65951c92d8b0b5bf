package io.github.paynetsavecard.spec.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of spec edits with their expected verdicts, through the real wire check and the version rules. Each
 * edited spec and its baseline are also written to {@code target/gate-corpus/NAME/} for {@code bench/gate-corpus.sh},
 * which runs them through the real build, where the client-API verdict needs both clients generated and compiled.
 */
class GateCorpusTest {
    private static final Path OUT = Path.of("target", "gate-corpus");

    static Stream<SpecEdit> edits() {
        return SpecEdit.all().stream();
    }

    @Test
    void theCorpusHasAtLeastThirtyEditsOfEveryVerdict() {
        List<SpecEdit> all = SpecEdit.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).extracting(SpecEdit::expect).contains("wire", "client API", "compatible", "none");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void eachEditGetsItsVerdict(SpecEdit edit) {
        Path dir = OUT.resolve(edit.name());
        Path baseline = SpecEdit.write(SpecEdit.base(), dir.resolve("baseline.yaml"));
        Path spec = SpecEdit.write(edit.apply(), dir.resolve("openapi.yaml"));
        OpenAPI old = SpecGate.parse(baseline);
        OpenAPI neu = SpecGate.parse(spec);
        SemanticVersion baseVersion = SemanticVersion.parse(old.getInfo().getVersion()).orElseThrow();
        SemanticVersion version = SemanticVersion.parse(neu.getInfo().getVersion()).orElseThrow();

        List<Change> wire = WireCheck.compare(old, neu);
        GateReport report = GateReport.of("openapi.yaml", "baseline.yaml", version, baseVersion,
                SemanticVersion.parse(version + "-SNAPSHOT").orElseThrow(), wire, List.of());
        String rendered = report.render();

        switch (edit.expect()) {
            case "wire" -> {
                assertThat(wire).as(rendered).anySatisfy(change -> {
                    assertThat(change.verdict()).isEqualTo(Verdict.WIRE);
                    assertThat(change.toString()).contains(edit.mentions());
                });
                assertThat(report.passed()).as(rendered).isEqualTo(version.reaches(baseVersion.nextBreaking()));
            }
            case "client API", "compatible" -> {
                assertThat(wire).as(rendered).noneMatch(change -> change.verdict().breaking());
                if (!edit.mentions().isEmpty()) {
                    assertThat(wire).as(rendered).anySatisfy(change ->
                            assertThat(change.toString()).contains(edit.mentions()));
                }
                assertThat(report.passed()).as(rendered).isTrue();
            }
            case "none" -> {
                assertThat(wire).as(rendered).isEmpty();
                assertThat(report.passed()).as(rendered).isTrue();
            }
            default -> throw new IllegalArgumentException(edit.name() + ": unknown expect " + edit.expect());
        }
        assertThat(rendered).doesNotContain("Exception");
    }

    @Test
    void aRemovedRequiredPropertyIsCountedOnce() {
        List<Change> wire = wireOf("15-response-required-property-removed");

        assertThat(wire).filteredOn(change -> change.description().contains("message")).hasSize(1);
    }

    @Test
    void aChangeOfAComponentUsedByManyResponsesIsOneLineAtTheComponent() {
        List<Change> wire = wireOf("39-shared-component-type-changed");

        assertThat(wire).filteredOn(change -> change.description().contains("result_code")).singleElement()
                .satisfies(change -> assertThat(change.place()).isEqualTo("schema Error"));
    }

    private static List<Change> wireOf(String name) {
        SpecEdit edit = SpecEdit.read(SpecEdit.CORPUS.resolve("edits").resolve(name + ".yaml"));
        Path dir = OUT.resolve("single-" + name);
        return WireCheck.compare(SpecGate.parse(SpecEdit.write(SpecEdit.base(), dir.resolve("baseline.yaml"))),
                SpecGate.parse(SpecEdit.write(edit.apply(), dir.resolve("openapi.yaml"))));
    }
}
