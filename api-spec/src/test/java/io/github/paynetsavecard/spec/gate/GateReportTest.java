package io.github.paynetsavecard.spec.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateReportTest {
    private static final Change REMOVED_OPTIONAL = new Change(Verdict.COMPATIBLE, "schema SaveCardResponse",
            "property object_name removed", "schema SaveCardResponse.object_name");
    private static final Change GETTER_GONE = new Change(Verdict.CLIENT_API, "schema SaveCardResponse",
            "property object_name: the client's SaveCardResponse.getObjectName() is gone",
            "schema SaveCardResponse.object_name");
    private static final Change REQUIRED = new Change(Verdict.WIRE,
            "POST /v1/paynetj/save_card request body (application/json)", "card_desc is now required");

    private static SemanticVersion v(String text) {
        return SemanticVersion.parse(text).orElseThrow();
    }

    private static GateReport report(String spec, String project, List<Change> wire, List<Change> client) {
        return GateReport.of("api-spec/openapi.yaml", "api-spec/baseline/openapi.yaml", v(spec), v("0.1.0"),
                v(project), wire, client);
    }

    @Test
    void theWireAndTheClientApiChangeOfOneEditAreOneLine() {
        GateReport report = report("0.1.0", "0.1.0-SNAPSHOT", List.of(REMOVED_OPTIONAL), List.of(GETTER_GONE));

        assertThat(report.changes()).singleElement().satisfies(change -> {
            assertThat(change.verdict()).isEqualTo(Verdict.CLIENT_API);
            assertThat(change.toString()).startsWith("BREAKING (client API)  schema SaveCardResponse: property "
                    + "object_name removed; property object_name: the client's SaveCardResponse.getObjectName()");
        });
    }

    @Test
    void anUnreleasedBreakingChangeFailsAndTheReportEndsWithWhatItNeeds() {
        GateReport report = report("0.1.0", "0.1.0-SNAPSHOT", List.of(REQUIRED), List.of(GETTER_GONE));

        assertThat(report.passed()).isFalse();
        assertThat(report.render()).endsWith("needs 0.2.0: 2 breaking changes (1 wire, 1 client API)");
        assertThat(report.render()).contains("raise info.version of api-spec/openapi.yaml (now 0.1.0) to 0.2.0");
    }

    @Test
    void raisingTheSpecAndTheProjectVersionLetsItPassWithTheChangesListed() {
        GateReport report = report("0.2.0", "0.2.0-SNAPSHOT", List.of(REQUIRED), List.of());

        assertThat(report.passed()).isTrue();
        assertThat(report.render()).contains("BREAKING (wire)  POST /v1/paynetj/save_card request body")
                .endsWith("0.2.0 (raised from 0.1.0): 1 breaking change (1 wire, 0 client API)");
    }

    @Test
    void theProjectVersionMustFollowTheSpecVersion() {
        GateReport report = report("0.2.0", "0.1.0-SNAPSHOT", List.of(REQUIRED), List.of());

        assertThat(report.passed()).isFalse();
        assertThat(report.render()).contains("the project version (now 0.1.0-SNAPSHOT) to 0.2.0-SNAPSHOT");
    }

    @Test
    void compatibleChangesPassWithoutARaise() {
        GateReport report = report("0.1.0", "0.1.0-SNAPSHOT", List.of(REMOVED_OPTIONAL), List.of());

        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("0.1.0 (baseline 0.1.0): 1 compatible change, none breaking");
    }

    @Test
    void aVersionThatGoesDownFails() {
        GateReport report = GateReport.of("s", "b", v("0.0.9"), v("0.1.0"), v("0.1.0"), List.of(), List.of());

        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).startsWith("info.version went down from 0.1.0 to 0.0.9");
    }
}
