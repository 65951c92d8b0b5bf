package io.github.paynetsavecard.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

/**
 * Words a validation failure the way AJV does, so that reports read like Prism's. Keywords without an AJV
 * wording here keep the validator's own sentence.
 */
final class AjvMessages {
    private AjvMessages() {
    }

    static String of(ValidationMessage message) {
        JsonNode limit = keywordValue(message);
        return switch (message.getType()) {
            case "required" -> "must have required property '" + message.getProperty() + "'";
            case "type" -> "must be " + describeType(limit);
            case "pattern" -> "must match pattern \"" + limit.asText() + "\"";
            case "minLength" -> "must NOT have fewer than " + limit.asText() + " characters";
            case "maxLength" -> "must NOT have more than " + limit.asText() + " characters";
            case "minItems" -> "must NOT have fewer than " + limit.asText() + " items";
            case "maxItems" -> "must NOT have more than " + limit.asText() + " items";
            case "minimum" -> "must be >= " + limit.asText();
            case "maximum" -> "must be <= " + limit.asText();
            case "enum" -> "must be equal to one of the allowed values";
            case "additionalProperties" -> "must NOT have additional properties";
            case "format" -> "must match format \"" + limit.asText() + "\"";
            default -> message.getError() != null ? message.getError() : message.getMessage();
        };
    }

    // networknt gives the whole schema object for some keywords and the keyword's own value for others.
    private static JsonNode keywordValue(ValidationMessage message) {
        JsonNode node = message.getSchemaNode();
        if (node != null && node.isObject() && node.has(message.getType())) {
            return node.get(message.getType());
        }
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }

    private static String describeType(JsonNode type) {
        if (type.isArray()) {
            StringBuilder joined = new StringBuilder();
            type.forEach(t -> joined.append(joined.length() == 0 ? "" : ",").append(t.asText()));
            return joined.toString();
        }
        return type.asText();
    }
}
