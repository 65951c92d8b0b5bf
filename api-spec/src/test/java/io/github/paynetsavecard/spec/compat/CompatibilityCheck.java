package io.github.paynetsavecard.spec.compat;

import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.compat.CompatibilityReport.Verdict;
import io.github.paynetsavecard.spec.compat.SpecChange.Impact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares the current spec with the baseline (the last released spec) using openapi-diff, which decides whether
 * clients built from the baseline still work with a server that follows the current spec.
 *
 * <p>openapi-diff lives only on the test classpath of api-spec, so that the client and the mock, which depend on
 * the api-spec jar, never carry it.
 */
final class CompatibilityCheck {
    // openapi-diff's defaults, plus: a renamed operationId breaks code built on the generated client, whose method
    // names come from the operationIds.
    private static final OpenApiDiffOptions OPTIONS = OpenApiDiffOptions.builder()
            .configProperty(BackwardIncompatibleProp.OPERATION_ID_CHANGED.getPropertyName(), "true")
            .build();

    private CompatibilityCheck() {
    }

    /**
     * @throws io.github.paynetsavecard.spec.InvalidSpecException naming the file, when either file is missing or is
     *                                                            not valid OpenAPI
     */
    static CompatibilityReport compare(Path baseline, Path current) {
        String baselineText = read(baseline);
        String currentText = read(current);
        ChangedOpenApi diff = OpenApiCompare.fromContents(baselineText, currentText, null, OPTIONS);
        Verdict verdict = switch (diff.isChanged()) {
            case NO_CHANGES -> Verdict.NO_CHANGES;
            case METADATA, COMPATIBLE -> Verdict.COMPATIBLE;
            case INCOMPATIBLE, UNKNOWN -> Verdict.INCOMPATIBLE;
        };
        List<SpecChange> changes = new ArrayList<>(ChangeCollector.collect(diff));
        if (verdict == Verdict.INCOMPATIBLE && changes.stream().noneMatch(c -> c.impact() == Impact.BREAKING)) {
            // A kind of change ChangeCollector does not itemise: show openapi-diff's own account rather than nothing.
            changes.add(new SpecChange(Impact.BREAKING, "document",
                    "openapi-diff found an incompatible change; its own report:" + System.lineSeparator()
                            + markdown(diff)));
        }
        return new CompatibilityReport(shown(baseline), shown(current), verdict, changes,
                !baselineText.equals(currentText));
    }

    // Parses with the project's loader first: a broken file is reported with its name and every problem.
    private static String read(Path file) {
        ApiSpec.load(file);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MarkdownRender().render(diff, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The path relative to the working directory when it is inside it, as a user typed it. */
    static String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
