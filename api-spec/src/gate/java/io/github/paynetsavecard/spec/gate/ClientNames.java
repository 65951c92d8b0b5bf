package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the generated client is named after, in one spec: the class of each component schema (openapi-generator's
 * camel case, or a {@code modelNameMappings} entry), the operation of each operationId, the constants of each enum
 * ({@code x-enum-varnames}). It lets the client-API verdict name the place in the spec for a Java change.
 */
final class ClientNames {
    private final Map<String, String> schemaOfClass = new HashMap<>();
    private final Map<String, String> operationOfId = new HashMap<>();
    private final Map<String, Map<String, Object>> valueOfConstant = new HashMap<>();

    private ClientNames() {
    }

    /** @param modelNameMappings schema name to class name, as given to openapi-generator (e.g. Error=PaynetError) */
    static ClientNames of(OpenAPI spec, Map<String, String> modelNameMappings) {
        ClientNames names = new ClientNames();
        Map<String, Schema> schemas = spec.getComponents() == null || spec.getComponents().getSchemas() == null
                ? Map.of() : spec.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            String className = modelNameMappings.getOrDefault(name, camelCase(name));
            names.schemaOfClass.put(className, name);
            Object varnames = schema.getExtensions() == null ? null : schema.getExtensions().get("x-enum-varnames");
            if (schema.getEnum() != null && varnames instanceof List<?> list) {
                Map<String, Object> values = new HashMap<>();
                for (int i = 0; i < Math.min(list.size(), schema.getEnum().size()); i++) {
                    values.put(String.valueOf(list.get(i)), schema.getEnum().get(i));
                }
                names.valueOfConstant.put(name, values);
            }
        });
        Map<String, PathItem> paths = spec.getPaths() == null ? Map.of() : spec.getPaths();
        paths.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getOperationId() != null) {
                names.operationOfId.put(methodName(operation), method + " " + path);
            }
        }));
        return names;
    }

    /** The component schema a generated model class comes from. */
    Optional<String> schemaOf(String simpleClassName) {
        return Optional.ofNullable(schemaOfClass.get(simpleClassName));
    }

    /** The operation, e.g. {@code POST /v1/paynetj/save_card}, whose generated method has this name. */
    Optional<String> operationOf(String methodName) {
        return Optional.ofNullable(operationOfId.get(methodName));
    }

    /** The enum value an {@code x-enum-varnames} constant of this schema stands for. */
    Optional<Object> valueOf(String schema, String constant) {
        return Optional.ofNullable(valueOfConstant.getOrDefault(schema, Map.of()).get(constant));
    }

    /** The constant that stands for this enum value in this schema. */
    Optional<String> constantOf(String schema, Object value) {
        return valueOfConstant.getOrDefault(schema, Map.of()).entrySet().stream()
                .filter(entry -> String.valueOf(entry.getValue()).equals(String.valueOf(value)))
                .map(Map.Entry::getKey).findFirst();
    }

    private static String methodName(Operation operation) {
        String camel = camelCase(operation.getOperationId());
        return camel.isEmpty() ? camel : Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    }

    /** openapi-generator's model naming for the names this project uses: words joined, each capitalised. */
    static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
