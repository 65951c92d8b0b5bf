package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedExtensions;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ChangedSecurityRequirements;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Turns openapi-diff's tree of changes into report lines, one per change.
 *
 * <p>openapi-diff judges per node of its tree, not per change, so each kind of change gets its own verdict here:
 * openapi-diff's where it is right, one of our rules where it is not ({@link EnumRule}, {@link BoundsRule},
 * {@link PatternRule}; type changes and closed objects come from {@link SchemaPairs}, security schemes from
 * {@link SecuritySchemeRule}). A change inside a {@code $ref}'d component is placed at the component
 * ({@code schema Error}), so that a component used by ten responses gives one line, not ten.
 */
final class WireChangeCollector {
    private final List<Change> changes = new ArrayList<>();
    private final Map<Schema<?>, String> components = new IdentityHashMap<>();

    private WireChangeCollector(ChangedOpenApi diff) {
        index(diff.getOldSpecOpenApi());
        index(diff.getNewSpecOpenApi());
    }

    static List<Change> collect(ChangedOpenApi diff) {
        WireChangeCollector collector = new WireChangeCollector(diff);
        collector.document(diff);
        return List.copyOf(collector.changes);
    }

    private void index(OpenAPI spec) {
        if (spec != null && spec.getComponents() != null && spec.getComponents().getSchemas() != null) {
            spec.getComponents().getSchemas().forEach((name, schema) -> components.putIfAbsent(schema, name));
        }
    }

    private void document(ChangedOpenApi diff) {
        for (Endpoint endpoint : orEmpty(diff.getNewEndpoints())) {
            add(Verdict.COMPATIBLE, operationPlace(endpoint.getMethod(), endpoint.getPathUrl()), "operation added");
        }
        for (Endpoint endpoint : orEmpty(diff.getMissingEndpoints())) {
            String place = operationPlace(endpoint.getMethod(), endpoint.getPathUrl());
            add(Verdict.WIRE, place, "operation removed", "operation " + place);
        }
        for (ChangedOperation operation : orEmpty(diff.getChangedOperations())) {
            operation(operation);
        }
        extensions("document", diff.getChangedExtensions());
    }

    private static String operationPlace(Object method, String path) {
        return method + " " + path;
    }

    private void operation(ChangedOperation operation) {
        String location = operationPlace(operation.getHttpMethod(), operation.getPathUrl());
        String subject = "operation " + location;
        if (operation.isDeprecated()) {
            add(Verdict.COMPATIBLE, location, "operation deprecated");
        }
        if (changed(operation.getOperationId())) {
            // Not on the wire; the client-API verdict judges what it does to the generated client.
            add(Verdict.COMPATIBLE, location, "operationId changed from "
                    + Objects.toString(operation.getOperationId().getLeft(), "(none)") + " to "
                    + Objects.toString(operation.getOperationId().getRight(), "(none)"), subject);
        }
        metadata(location, "summary", operation.getSummary());
        metadata(location, "description", operation.getDescription());
        parameters(location, subject, operation.getParameters());
        requestBody(location + " request body", subject, operation.getRequestBody());
        responses(location, operation.getApiResponses());
        security(location, operation.getSecurityRequirements());
        extensions(location, operation.getExtensions());
    }

    private void parameters(String location, String subject, ChangedParameters parameters) {
        if (!changed(parameters)) {
            return;
        }
        for (Parameter added : orEmpty(parameters.getIncreased())) {
            boolean required = Boolean.TRUE.equals(added.getRequired());
            add(required ? Verdict.WIRE : Verdict.COMPATIBLE, location,
                    (required ? "required " : "optional ") + added.getIn() + " parameter " + added.getName() + " added",
                    subject);
        }
        for (Parameter removed : orEmpty(parameters.getMissing())) {
            // A client that still sends it is not refused; the generated method loses an argument (client API).
            add(Verdict.COMPATIBLE, location, removed.getIn() + " parameter " + removed.getName() + " removed",
                    subject);
        }
        for (ChangedParameter parameter : orEmpty(parameters.getChanged())) {
            String where = location + " " + parameter.getIn() + " parameter " + parameter.getName();
            if (parameter.isChangeRequired()) {
                boolean nowRequired = Boolean.TRUE.equals(parameter.getNewParameter().getRequired());
                add(nowRequired ? Verdict.WIRE : Verdict.COMPATIBLE, where,
                        nowRequired ? "is now required" : "is no longer required", subject);
            }
            if (parameter.isDeprecated()) {
                add(Verdict.COMPATIBLE, where, "deprecated");
            }
            if (parameter.isChangeStyle() || parameter.isChangeExplode()) {
                add(Verdict.WIRE, where, "serialisation (style or explode) changed");
            }
            if (parameter.isChangeAllowEmptyValue()) {
                add(verdictOf(parameter.isCoreChanged()), where, "allowEmptyValue changed");
            }
            metadata(where, "description", parameter.getDescription());
            schema(where, "", parameter.getSchema());
            content(where, parameter.getContent());
            extensions(where, parameter.getExtensions());
        }
    }

    private void requestBody(String location, String subject, ChangedRequestBody body) {
        if (!changed(body)) {
            return;
        }
        if (body.isChangeRequired()) {
            boolean nowRequired = Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
            add(nowRequired ? Verdict.WIRE : Verdict.COMPATIBLE, location,
                    nowRequired ? "is now required" : "is no longer required", subject);
        }
        metadata(location, "description", body.getDescription());
        content(location, body.getContent());
        extensions(location, body.getExtensions());
    }

    private void responses(String location, ChangedApiResponse responses) {
        if (!changed(responses)) {
            return;
        }
        responses.getIncreased().keySet()
                .forEach(status -> add(Verdict.COMPATIBLE, location, "response " + status + " added"));
        Verdict removal = verdictOf(responses.isCoreChanged());
        responses.getMissing().keySet()
                .forEach(status -> add(removal, location, "response " + status + " removed"));
        responses.getChanged().forEach((status, response) -> response(location + " response " + status, response));
        extensions(location + " responses", responses.getExtensions());
    }

    private void response(String location, ChangedResponse response) {
        metadata(location, "description", response.getDescription());
        headers(location, response.getHeaders());
        content(location, response.getContent());
        extensions(location, response.getExtensions());
    }

    private void headers(String location, ChangedHeaders headers) {
        if (!changed(headers)) {
            return;
        }
        headers.getIncreased().keySet().forEach(name -> add(Verdict.COMPATIBLE, location, "header " + name + " added"));
        Verdict removal = verdictOf(headers.isCoreChanged());
        headers.getMissing().keySet().forEach(name -> add(removal, location, "header " + name + " removed"));
        headers.getChanged().forEach((name, header) -> {
            String where = location + " header " + name;
            if (header.isRequired() || header.isDeprecated() || header.isStyle() || header.isExplode()) {
                add(verdictOf(header.isCoreChanged()), where, "required, deprecated, style or explode changed");
            }
            metadata(where, "description", header.getDescription());
            schema(where, "", header.getSchema());
            content(where, header.getContent());
        });
    }

    private void content(String location, ChangedContent content) {
        if (!changed(content)) {
            return;
        }
        content.getIncreased().keySet()
                .forEach(type -> add(Verdict.COMPATIBLE, location, "media type " + type + " added"));
        // openapi-diff judges removed media types correctly: breaking on both sides (a client sends or asks for it).
        Verdict removal = verdictOf(content.isCoreChanged());
        content.getMissing().keySet().forEach(type -> add(removal, location, "media type " + type + " removed"));
        content.getChanged().forEach((type, media) -> mediaType(location + " (" + type + ")", media));
    }

    private void mediaType(String location, ChangedMediaType media) {
        schema(location, "", media.getSchema());
        if (changed(media.getExamples()) || changed(media.getExample())) {
            add(Verdict.COMPATIBLE, location, "examples changed (documentation only)");
        }
    }

    /**
     * One changed schema; {@code path} is the property path from {@code place}, e.g. {@code card.number}, or empty
     * for the schema at {@code place} itself. A component restarts the place at itself.
     */
    private void schema(String from, String pathFrom, ChangedSchema schema) {
        if (!changed(schema)) {
            return;
        }
        String component = Optional.ofNullable(components.get(schema.getOldSchema()))
                .orElse(components.get(schema.getNewSchema()));
        String place = component == null ? from : "schema " + component;
        String path = component == null ? pathFrom : "";
        Direction direction = Direction.of(schema.getContext());
        String subject = place + (path.isEmpty() ? "" : "." + path);
        String prefix = path.isEmpty() ? "" : path + ": ";
        Schema<?> old = schema.getOldSchema();
        Schema<?> neu = schema.getNewSchema();
        if (schema.isChangedType() || old == null || neu == null) {
            return; // PropertyTypeRule, through SchemaPairs
        }
        if (schema.isChangeDefault()) {
            add(Verdict.COMPATIBLE, place, prefix + "default value changed", subject);
        }
        if (schema.isChangeDeprecated()) {
            add(Verdict.COMPATIBLE, place, prefix + "deprecation changed", subject);
        }
        if (schema.isDiscriminatorPropertyChanged()) {
            add(Verdict.WIRE, place, prefix + "discriminator property changed", subject);
        }
        for (String name : schema.getIncreasedProperties().keySet()) {
            add(Verdict.COMPATIBLE, place, "property " + join(path, name) + " added", place + "." + join(path, name));
        }
        List<String> wasRequired = old.getRequired() == null ? List.of() : old.getRequired();
        boolean closedNow = Boolean.FALSE.equals(neu.getAdditionalProperties());
        for (String name : schema.getMissingProperties().keySet()) {
            boolean required = wasRequired.contains(name);
            Verdict verdict = direction == Direction.RESPONSE ? (required ? Verdict.WIRE : Verdict.COMPATIBLE)
                    : (closedNow ? Verdict.WIRE : Verdict.COMPATIBLE);
            add(verdict, place, "property " + join(path, name) + " removed" + (required ? " (it was required)" : ""),
                    place + "." + join(path, name));
        }
        required(place, path, schema.getRequired(), schema.getMissingProperties().keySet(), direction);
        EnumRule.judge(old.getEnum(), neu.getEnum(), direction)
                .ifPresent(judgement -> add(judgement, place, prefix + "enum: ", subject));
        bounds(place, prefix, subject, old, neu, direction);
        PatternRule.judge(old.getPattern(), neu.getPattern(), direction)
                .ifPresent(judgement -> add(judgement, place, prefix, subject));
        if (changed(schema.getMultipleOf())) {
            add(verdictOf(schema.getMultipleOf()), place, prefix + "multipleOf changed", subject);
        }
        if (changed(schema.getUniqueItems())) {
            add(direction.verdictOf(Boolean.TRUE.equals(neu.getUniqueItems())), place,
                    prefix + "uniqueItems changed", subject);
        }
        if (changed(schema.getNullable())) {
            add(direction.verdictOf(!Boolean.TRUE.equals(neu.getNullable())), place,
                    prefix + (Boolean.TRUE.equals(neu.getNullable()) ? "may now be null" : "may no longer be null"),
                    subject);
        }
        if (changed(schema.getReadOnly())) {
            add(verdictOf(schema.getReadOnly()), place, prefix + "readOnly changed", subject);
        }
        if (changed(schema.getWriteOnly())) {
            add(verdictOf(schema.getWriteOnly()), place, prefix + "writeOnly changed", subject);
        }
        if (changed(schema.getOneOfSchema())) {
            add(verdictOf(schema.getOneOfSchema()), place, prefix + "oneOf alternatives changed", subject);
        }
        if (changed(schema.getDescription())) {
            add(Verdict.COMPATIBLE, place, prefix + "description changed (documentation only)");
        }
        if (changed(schema.getExample()) || changed(schema.getExamples())) {
            add(Verdict.COMPATIBLE, place, prefix + "example changed (documentation only)");
        }
        extensions(place + (path.isEmpty() ? "" : " " + path), schema.getExtensions());
        for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
            schema(place, join(path, property.getKey()), property.getValue());
        }
        schema(place, path.isEmpty() ? "(items)" : path + "[]", schema.getItems());
        schema(place, join(path, "(additional properties)"), schema.getAddProp());
    }

    private void bounds(String place, String prefix, String subject, Schema<?> old, Schema<?> neu,
                        Direction direction) {
        List<Optional<Judgement>> judgements = List.of(
                BoundsRule.lower("minLength", old.getMinLength(), neu.getMinLength(), null, null, direction),
                BoundsRule.upper("maxLength", old.getMaxLength(), neu.getMaxLength(), null, null, direction),
                BoundsRule.lower("minItems", old.getMinItems(), neu.getMinItems(), null, null, direction),
                BoundsRule.upper("maxItems", old.getMaxItems(), neu.getMaxItems(), null, null, direction),
                BoundsRule.lower("minProperties", old.getMinProperties(), neu.getMinProperties(), null, null,
                        direction),
                BoundsRule.upper("maxProperties", old.getMaxProperties(), neu.getMaxProperties(), null, null,
                        direction),
                BoundsRule.lower("minimum", old.getMinimum(), neu.getMinimum(), old.getExclusiveMinimum(),
                        neu.getExclusiveMinimum(), direction),
                BoundsRule.upper("maximum", old.getMaximum(), neu.getMaximum(), old.getExclusiveMaximum(),
                        neu.getExclusiveMaximum(), direction));
        judgements.forEach(judgement -> judgement.ifPresent(j -> add(j, place, prefix, subject)));
    }

    /** Required-ness; a property that was removed is reported once, as removed, not again as "no longer required". */
    private void required(String place, String path, ChangedRequired required, Set<String> removedProperties,
                          Direction direction) {
        if (!changed(required)) {
            return;
        }
        for (String name : orEmpty(required.getIncreased())) {
            add(direction.verdictOf(true), place, join(path, name) + " is now required", place + "." + join(path, name));
        }
        for (String name : orEmpty(required.getMissing())) {
            if (!removedProperties.contains(name)) {
                add(direction.verdictOf(false), place, join(path, name) + " is no longer required",
                        place + "." + join(path, name));
            }
        }
    }

    private void metadata(String location, String what, ChangedMetadata metadata) {
        if (changed(metadata)) {
            add(Verdict.COMPATIBLE, location, what + " changed (documentation only)");
        }
    }

    /** Which security requirements an operation has; the schemes' content is {@link SecuritySchemeRule}'s. */
    private void security(String location, ChangedSecurityRequirements security) {
        if (security == null) {
            return;
        }
        for (SecurityRequirement added : orEmpty(security.getIncreased())) {
            add(Verdict.COMPATIBLE, location, "security alternative " + added.keySet() + " added");
        }
        boolean noneLeft = orEmpty(security.getNewSecurityRequirements()).stream().allMatch(Map::isEmpty);
        for (SecurityRequirement removed : orEmpty(security.getMissing())) {
            if (noneLeft) {
                // A client that still sends its key is not refused.
                add(Verdict.COMPATIBLE, location, "no longer requires authentication (" + removed.keySet() + ")");
            } else {
                add(Verdict.WIRE, location, "security requirement " + removed.keySet() + " removed or replaced");
            }
        }
    }

    private void extensions(String location, ChangedExtensions extensions) {
        if (!changed(extensions)) {
            return;
        }
        extensions.getIncreased().keySet()
                .forEach(name -> add(Verdict.COMPATIBLE, location, "extension " + name + " added"));
        extensions.getMissing().keySet()
                .forEach(name -> add(Verdict.COMPATIBLE, location, "extension " + name + " removed"));
        extensions.getChanged().keySet()
                .forEach(name -> add(Verdict.COMPATIBLE, location, "extension " + name + " changed"));
    }

    private static boolean changed(Changed changed) {
        return changed != null && changed.isDifferent();
    }

    private static Verdict verdictOf(Changed changed) {
        return verdictOf(changed.isChanged());
    }

    // UNKNOWN means openapi-diff could not judge: treat it as breaking, so a person looks at it.
    private static Verdict verdictOf(DiffResult result) {
        return result == DiffResult.INCOMPATIBLE || result == DiffResult.UNKNOWN ? Verdict.WIRE : Verdict.COMPATIBLE;
    }

    private static <T> Collection<T> orEmpty(Collection<T> values) {
        return values == null ? List.of() : values;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void add(Judgement judgement, String place, String prefix, String subject) {
        changes.add(new Change(judgement.verdict(), place, prefix + judgement.words(), subject));
    }

    private void add(Verdict verdict, String place, String description) {
        changes.add(new Change(verdict, place, description));
    }

    private void add(Verdict verdict, String place, String description, String subject) {
        changes.add(new Change(verdict, place, description, subject));
    }
}
