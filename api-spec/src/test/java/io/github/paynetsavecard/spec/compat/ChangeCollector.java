package io.github.paynetsavecard.spec.compat;

import io.github.paynetsavecard.spec.compat.SpecChange.Impact;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedExtensions;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedList;
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
 * Turns openapi-diff's tree of changes into a flat list of sentences, one per change, each with its impact.
 *
 * <p>openapi-diff judges compatibility per node of its tree, not per change: a node that holds an incompatible
 * and a compatible change is incompatible as a whole. Where one node holds several changes, this class marks
 * as breaking only the kind of change that makes such a node incompatible (a removed response field that was
 * required, a request field that became required, ...), and only when openapi-diff judged the node incompatible.
 * openapi-diff's overall verdict stays the one that decides; see {@link CompatibilityCheck}.
 */
final class ChangeCollector {
    private final List<SpecChange> changes = new ArrayList<>();

    private ChangeCollector() {
    }

    static List<SpecChange> collect(ChangedOpenApi diff) {
        ChangeCollector collector = new ChangeCollector();
        collector.document(diff);
        return List.copyOf(collector.changes);
    }

    private void document(ChangedOpenApi diff) {
        for (Endpoint endpoint : diff.getNewEndpoints()) {
            add(Impact.COMPATIBLE, endpoint.getMethod() + " " + endpoint.getPathUrl(), "operation added");
        }
        for (Endpoint endpoint : diff.getMissingEndpoints()) {
            add(Impact.BREAKING, endpoint.getMethod() + " " + endpoint.getPathUrl(), "operation removed");
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            operation(operation);
        }
        extensions("document", diff.getChangedExtensions());
    }

    private void operation(ChangedOperation operation) {
        String location = operation.getHttpMethod() + " " + operation.getPathUrl();
        if (operation.isDeprecated()) {
            add(Impact.COMPATIBLE, location, "operation deprecated");
        }
        if (changed(operation.getOperationId())) {
            add(impactOf(operation.getOperationId()), location, "operationId changed from "
                    + Objects.toString(operation.getOperationId().getLeft(), "(none)") + " to "
                    + Objects.toString(operation.getOperationId().getRight(), "(none)"));
        }
        metadata(location, "summary", operation.getSummary());
        metadata(location, "description", operation.getDescription());
        parameters(location, operation.getParameters());
        requestBody(location + " request body", operation.getRequestBody());
        responses(location, operation.getApiResponses());
        security(location, operation.getSecurityRequirements());
        extensions(location, operation.getExtensions());
    }

    private void parameters(String location, ChangedParameters parameters) {
        if (!changed(parameters)) {
            return;
        }
        boolean incompatible = parameters.isCoreChanged().isIncompatible();
        for (Parameter added : parameters.getIncreased()) {
            boolean required = Boolean.TRUE.equals(added.getRequired());
            add(required && incompatible ? Impact.BREAKING : Impact.COMPATIBLE, location,
                    (required ? "required" : "optional") + " " + added.getIn() + " parameter " + added.getName()
                            + " added");
        }
        for (Parameter removed : parameters.getMissing()) {
            add(incompatible ? Impact.BREAKING : Impact.COMPATIBLE, location,
                    removed.getIn() + " parameter " + removed.getName() + " removed");
        }
        for (ChangedParameter parameter : parameters.getChanged()) {
            String where = location + " " + parameter.getIn() + " parameter " + parameter.getName();
            Impact core = impactOf(parameter.isCoreChanged());
            if (parameter.isChangeRequired()) {
                add(core, where, Boolean.TRUE.equals(parameter.getNewParameter().getRequired())
                        ? "is now required" : "is no longer required");
            }
            if (parameter.isDeprecated()) {
                add(Impact.COMPATIBLE, where, "deprecated");
            }
            if (parameter.isChangeStyle() || parameter.isChangeExplode() || parameter.isChangeAllowEmptyValue()) {
                add(core, where, "serialisation (style, explode or allowEmptyValue) changed");
            }
            metadata(where, "description", parameter.getDescription());
            schema(where, "", parameter.getSchema());
            content(where, parameter.getContent());
            extensions(where, parameter.getExtensions());
        }
    }

    private void requestBody(String location, ChangedRequestBody body) {
        if (!changed(body)) {
            return;
        }
        if (body.isChangeRequired()) {
            add(impactOf(body.isCoreChanged()), location, Boolean.TRUE.equals(body.getNewRequestBody().getRequired())
                    ? "is now required" : "is no longer required");
        }
        metadata(location, "description", body.getDescription());
        content(location, body.getContent());
        extensions(location, body.getExtensions());
    }

    private void responses(String location, ChangedApiResponse responses) {
        if (!changed(responses)) {
            return;
        }
        addedAndRemoved(location, "response", responses.getIncreased().keySet(), responses.getMissing().keySet(),
                responses.isCoreChanged());
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
        addedAndRemoved(location, "header", headers.getIncreased().keySet(), headers.getMissing().keySet(),
                headers.isCoreChanged());
        headers.getChanged().forEach((name, header) -> {
            String where = location + " header " + name;
            if (header.isRequired() || header.isDeprecated() || header.isStyle() || header.isExplode()) {
                add(impactOf(header.isCoreChanged()), where, "required, deprecated, style or explode changed");
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
        addedAndRemoved(location, "media type", content.getIncreased().keySet(), content.getMissing().keySet(),
                content.isCoreChanged());
        content.getChanged().forEach((type, media) -> mediaType(location + " (" + type + ")", media));
    }

    /**
     * Named parts (responses, headers, media types) added, which breaks nothing, or removed, which breaks clients
     * when openapi-diff judged the node that holds them incompatible.
     */
    private void addedAndRemoved(String location, String kind, Set<String> added, Set<String> removed,
                                 DiffResult holder) {
        added.forEach(name -> add(Impact.COMPATIBLE, location, kind + " " + name + " added"));
        Impact removal = holder.isIncompatible() ? Impact.BREAKING : Impact.COMPATIBLE;
        removed.forEach(name -> add(removal, location, kind + " " + name + " removed"));
    }

    private void mediaType(String location, ChangedMediaType media) {
        schema(location, "", media.getSchema());
        if (changed(media.getExamples()) || changed(media.getExample())) {
            add(Impact.DOCUMENTATION, location, "examples changed");
        }
    }

    /**
     * One schema; {@code path} is the property path from the body's root, e.g. {@code card.number}, or empty for
     * the root itself.
     */
    private void schema(String location, String path, ChangedSchema schema) {
        if (!changed(schema)) {
            return;
        }
        String subject = path.isEmpty() ? "" : path + ": ";
        Impact core = impactOf(schema.isCoreChanged());
        if (schema.isChangedType()) {
            add(core, location, subject + "type changed from " + type(schema.getOldSchema()) + " to "
                    + type(schema.getNewSchema()));
        }
        if (schema.isChangeFormat()) {
            add(core, location, subject + "format changed from " + format(schema.getOldSchema()) + " to "
                    + format(schema.getNewSchema()));
        }
        if (schema.isChangeDefault()) {
            add(core, location, subject + "default value changed");
        }
        if (schema.isChangeDeprecated()) {
            add(Impact.COMPATIBLE, location, subject + "deprecation changed");
        }
        if (schema.isDiscriminatorPropertyChanged()) {
            add(core, location, subject + "discriminator property changed");
        }
        schema.getIncreasedProperties().keySet().forEach(name -> add(Impact.COMPATIBLE, location,
                "property " + join(path, name) + " added"));
        List<String> wasRequired = schema.getOldSchema() == null || schema.getOldSchema().getRequired() == null
                ? List.of() : schema.getOldSchema().getRequired();
        schema.getMissingProperties().keySet().forEach(name -> {
            boolean breaking = core == Impact.BREAKING && schema.getContext().isResponse()
                    && wasRequired.contains(name);
            add(breaking ? Impact.BREAKING : Impact.COMPATIBLE, location, "property " + join(path, name)
                    + " removed" + (wasRequired.contains(name) ? " (it was required)" : ""));
        });
        required(location, path, schema.getRequired());
        list(location, subject + "enum", schema.getEnumeration());
        leaf(location, subject + "maxLength", schema.getMaxLength());
        leaf(location, subject + "minLength", schema.getMinLength());
        leaf(location, subject + "minimum or maximum", schema.getNumericRange());
        leaf(location, subject + "multipleOf", schema.getMultipleOf());
        leaf(location, subject + "maxItems", schema.getMaxItems());
        leaf(location, subject + "minItems", schema.getMinItems());
        leaf(location, subject + "maxProperties", schema.getMaxProperties());
        leaf(location, subject + "minProperties", schema.getMinProperties());
        leaf(location, subject + "uniqueItems", schema.getUniqueItems());
        leaf(location, subject + "nullable", schema.getNullable());
        leaf(location, subject + "readOnly", schema.getReadOnly());
        leaf(location, subject + "writeOnly", schema.getWriteOnly());
        if (changed(schema.getPattern())) {
            add(impactOf(schema.getPattern()), location, subject + "pattern changed from "
                    + schema.getPattern().getOldPattern() + " to " + schema.getPattern().getNewPattern());
        }
        if (changed(schema.getOneOfSchema())) {
            add(impactOf(schema.getOneOfSchema()), location, subject + "oneOf alternatives changed");
        }
        metadata(location, subject + "description", schema.getDescription());
        if (changed(schema.getExample()) || changed(schema.getExamples())) {
            add(Impact.DOCUMENTATION, location, subject + "example changed");
        }
        extensions(location + (path.isEmpty() ? "" : " " + path), schema.getExtensions());
        schema.getChangedProperties().forEach((name, property) -> schema(location, join(path, name), property));
        schema(location, path + "[]", schema.getItems());
        schema(location, join(path, "(additionalProperties)"), schema.getAddProp());
    }

    private void required(String location, String path, ChangedRequired required) {
        if (!changed(required)) {
            return;
        }
        boolean incompatible = required.isIncompatible();
        boolean request = required.getContext().isRequest();
        for (String name : required.getIncreased()) {
            add(incompatible && request ? Impact.BREAKING : Impact.COMPATIBLE, location,
                    join(path, name) + " is now required");
        }
        for (String name : required.getMissing()) {
            add(incompatible && !request ? Impact.BREAKING : Impact.COMPATIBLE, location,
                    join(path, name) + " is no longer required");
        }
    }

    private void list(String location, String what, ChangedList<?> list) {
        if (!changed(list)) {
            return;
        }
        add(impactOf(list), location, what + (list.getIncreased().isEmpty() ? "" : " gained " + list.getIncreased())
                + (list.getIncreased().isEmpty() || list.getMissing().isEmpty() ? "" : " and")
                + (list.getMissing().isEmpty() ? "" : " lost " + list.getMissing()));
    }

    private void leaf(String location, String what, Changed leaf) {
        if (changed(leaf)) {
            add(impactOf(leaf), location, what + " changed");
        }
    }

    private void metadata(String location, String what, ChangedMetadata metadata) {
        if (changed(metadata)) {
            add(Impact.DOCUMENTATION, location, what + " changed");
        }
    }

    private void security(String location, ChangedSecurityRequirements security) {
        if (changed(security)) {
            add(impactOf(security), location, "security requirements changed (added "
                    + security.getIncreased().size() + ", removed " + security.getMissing().size() + ", changed "
                    + security.getChanged().size() + ")");
        }
    }

    private void extensions(String location, ChangedExtensions extensions) {
        if (!changed(extensions)) {
            return;
        }
        Impact impact = impactOf(extensions);
        extensions.getIncreased().keySet().forEach(name -> add(impact, location, "extension " + name + " added"));
        extensions.getMissing().keySet().forEach(name -> add(impact, location, "extension " + name + " removed"));
        extensions.getChanged().keySet().forEach(name -> add(impact, location, "extension " + name + " changed"));
    }

    private static boolean changed(Changed changed) {
        return changed != null && changed.isDifferent();
    }

    private static Impact impactOf(Changed changed) {
        return impactOf(changed.isChanged());
    }

    // UNKNOWN means openapi-diff could not judge: treat it as breaking, so a person looks at it.
    static Impact impactOf(DiffResult result) {
        return switch (result) {
            case INCOMPATIBLE, UNKNOWN -> Impact.BREAKING;
            case COMPATIBLE -> Impact.COMPATIBLE;
            case METADATA, NO_CHANGES -> Impact.DOCUMENTATION;
        };
    }

    private static String type(Schema<?> schema) {
        return schema == null ? "(none)" : Objects.toString(schema.getType(), "(untyped)");
    }

    private static String format(Schema<?> schema) {
        return schema == null ? "(none)" : Objects.toString(schema.getFormat(), "(none)");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void add(Impact impact, String location, String description) {
        changes.add(new SpecChange(impact, location, description));
    }
}
