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

    /**
     * An empty report headed {@code title}.
     *
     * @param title the Markdown heading, e.g. the name of the run; not null
     */
    public ConformanceReport(String title) {
        this.title = Objects.requireNonNull(title, "title == null");
    }

    /**
     * Adds the row of one check and target.
     *
     * @param row the result, already redacted by {@link ReportRow}; not null
     */
    public synchronized void add(ReportRow row) {
        rows.add(Objects.requireNonNull(row, "row == null"));
    }

    /**
     * A line for the report's header, e.g. which spec was used. Setting a fact again replaces it.
     *
     * @param name  the fact's name, shown in bold, e.g. {@code spec}; not null
     * @param value what it is, shown as written (not redacted: never a key); not null
     */
    public synchronized void fact(String name, String value) {
        facts.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
    }

    /**
     * The rows so far, in the order added.
     *
     * @return a snapshot, unmodifiable; later rows do not appear in it
     */
    public synchronized List<ReportRow> rows() {
        return List.copyOf(rows);
    }

    /**
     * The report as Markdown.
     *
     * @return the heading, the generation time, the facts, the totals per target, one table row per check and
     *         target, then a section per failure with its full reason
     */
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

    /**
     * Writes {@link #toMarkdown()} to {@code file}, creating its folder.
     *
     * @param file where to write, as UTF-8; replaced if it exists
     * @throws UncheckedIOException when the folder or the file cannot be written
     */
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
