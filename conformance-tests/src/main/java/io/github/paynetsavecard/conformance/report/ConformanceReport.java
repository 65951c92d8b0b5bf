package io.github.paynetsavecard.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Markdown report of a conformance run: one row per check and target (pass, fail with the reason, skipped with
 * the reason), then the full story of every failure (the rule broken, the request and the response).
 *
 * <p>Thread-safe: checks may add rows from any thread.
 */
public final class ConformanceReport {
    private final String title;
    private final List<ReportRow> rows = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();

    /** An empty report headed {@code title}. */
    public ConformanceReport(String title) {
        this.title = Objects.requireNonNull(title, "title == null");
    }

    /** Adds the row of one check and target. */
    public synchronized void add(ReportRow row) {
        rows.add(Objects.requireNonNull(row, "row == null"));
    }

    /** A line for the report's header, e.g. which spec was used. Setting a fact again replaces it. */
    public synchronized void fact(String name, String value) {
        facts.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
    }

    /** The rows so far, in the order added. */
    public synchronized List<ReportRow> rows() {
        return List.copyOf(rows);
    }

    /** The report as Markdown. */
    public synchronized String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Generated ").append(Instant.now()).append(".\n\n");
        facts.forEach((name, value) -> md.append("- **").append(name).append("**: ").append(value).append('\n'));
        if (!facts.isEmpty()) {
            md.append('\n');
        }
        appendTotals(md);
        md.append("| Check | Target | Result | Reason |\n|---|---|---|---|\n");
        for (ReportRow row : rows) {
            md.append("| ").append(cell(row.check())).append(" | ").append(cell(row.target())).append(" | ")
                    .append(row.result() == ReportRow.Result.FAIL ? "**FAIL**" : row.result().label()).append(" | ")
                    .append(cell(row.summary())).append(" |\n");
        }
        List<ReportRow> failures = rows.stream().filter(row -> row.result() == ReportRow.Result.FAIL).toList();
        if (!failures.isEmpty()) {
            md.append("\n## Failures\n");
            for (ReportRow failure : failures) {
                md.append("\n### ").append(failure.check()).append(" — ").append(failure.target()).append("\n\n```\n")
                        .append(failure.reason().strip().replace("```", "'''")).append("\n```\n");
            }
        }
        return md.toString();
    }

    /** Writes {@link #toMarkdown()} to {@code file}, creating its folder. */
    public void writeTo(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, toMarkdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance report to " + file, e);
        }
    }

    private void appendTotals(StringBuilder md) {
        Map<String, Map<ReportRow.Result, Integer>> totals = new LinkedHashMap<>();
        for (ReportRow row : rows) {
            totals.computeIfAbsent(row.target(), target -> new EnumMap<>(ReportRow.Result.class))
                    .merge(row.result(), 1, Integer::sum);
        }
        md.append("| Target | pass | fail | skipped |\n|---|---|---|---|\n");
        totals.forEach((target, counts) -> md.append("| ").append(cell(target)).append(" | ")
                .append(counts.getOrDefault(ReportRow.Result.PASS, 0)).append(" | ")
                .append(counts.getOrDefault(ReportRow.Result.FAIL, 0)).append(" | ")
                .append(counts.getOrDefault(ReportRow.Result.SKIPPED, 0)).append(" |\n"));
        md.append('\n');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
