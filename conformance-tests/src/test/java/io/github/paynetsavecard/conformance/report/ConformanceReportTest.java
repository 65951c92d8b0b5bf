package io.github.paynetsavecard.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceReportTest {
    @Test
    void listsOneRowPerCheckAndTargetWithTheReason() {
        ConformanceReport report = new ConformanceReport("Conformance");
        report.add(new ReportRow("unknown path is 404", "mock", ReportRow.Result.PASS, ""));
        report.add(new ReportRow("unknown path is 404", "paynet-test", ReportRow.Result.SKIPPED,
                "no credentials: set PAYNET_TEST_KEY"));
        report.add(new ReportRow("unknown path is 404", "prism", ReportRow.Result.FAIL,
                "broke a rule: status | got 200\nrequest:\n  POST /x"));

        String markdown = report.toMarkdown();

        assertThat(markdown)
                .contains("| unknown path is 404 | mock | pass |  |")
                .contains("| unknown path is 404 | paynet-test | skipped | no credentials: set PAYNET_TEST_KEY |")
                .contains("| unknown path is 404 | prism | **FAIL** | broke a rule: status \\| got 200 |")
                .contains("| mock | 1 | 0 | 0 |")
                .contains("| prism | 0 | 1 | 0 |");
        assertThat(markdown.substring(markdown.indexOf("## Failures")))
                .contains("### unknown path is 404 — prism").contains("request:\n  POST /x");
    }

    @Test
    void hasNoFailureSectionWhenNothingFailed() {
        ConformanceReport report = new ConformanceReport("Conformance");
        report.add(new ReportRow("a check", "mock", ReportRow.Result.PASS, ""));

        assertThat(report.toMarkdown()).doesNotContain("## Failures");
    }

    @Test
    void writesTheFileCreatingItsFolder(@TempDir Path dir) throws IOException {
        ConformanceReport report = new ConformanceReport("Conformance");
        report.fact("spec", "api-spec/openapi.yaml");
        Path file = dir.resolve("nested/report.md");

        report.writeTo(file);

        assertThat(Files.readString(file)).startsWith("# Conformance").contains("- **spec**: api-spec/openapi.yaml");
    }
}
