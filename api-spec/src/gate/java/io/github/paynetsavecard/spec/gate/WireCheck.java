package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The wire verdict: would a client built from the baseline still work against a server of the spec, and are
 * requests that were valid still accepted? openapi-diff is the engine; {@link WireChangeCollector} reads its result
 * with our rules where it is wrong, and {@link SchemaPairs} and {@link SecuritySchemeRule} add what it never reports.
 */
final class WireCheck {
    // Not on the wire: the operationId names a method of the generated client, which the client-API verdict judges.
    private static final OpenApiDiffOptions OPTIONS = OpenApiDiffOptions.builder()
            .configProperty(BackwardIncompatibleProp.OPERATION_ID_CHANGED.getPropertyName(), "false")
            .build();

    private WireCheck() {
    }

    /** Every wire change from {@code baseline} to {@code spec}, each once, breaking ones first. */
    static List<Change> compare(OpenAPI baseline, OpenAPI spec) {
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(baseline, spec, OPTIONS);
        List<Change> all = new ArrayList<>(WireChangeCollector.collect(diff));
        all.addAll(SchemaPairs.judge(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi()));
        all.addAll(SecuritySchemeRule.judge(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi()));
        return once(all);
    }

    /**
     * The changes with each (place, description) once: a component used in requests and responses, or by several
     * operations, is reported where it is defined, with the worse of its verdicts.
     */
    static List<Change> once(List<Change> changes) {
        Map<String, Change> byLine = new LinkedHashMap<>();
        for (Change change : changes) {
            byLine.merge(change.place() + "\u0000" + change.description(), change,
                    (first, second) -> first.withVerdict(first.verdict().worst(second.verdict())));
        }
        return List.copyOf(byLine.values());
    }
}
