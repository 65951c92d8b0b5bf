package io.github.paynetsavecard.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The packaged spec ({@code META-INF/paynet-save-card/openapi.yaml} from api-spec), read at test
 * time so that the tests follow the spec instead of copies of it.
 *
 * <p>The one reader of the spec outside api-spec, on purpose: api-spec's loader brings Jackson
 * (through swagger-parser), and the client's dependency tree must stay free of Jackson in every
 * scope (the enforcer's Moshi-only rule), so this reads the YAML with SnakeYAML. It only looks up
 * examples by name, following a local {@code $ref} to a shared response; it checks nothing.
 */
final class Spec {

  static final String RESOURCE = "META-INF/paynet-save-card/openapi.yaml";

  private static final Map<String, Object> ROOT = load();
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();
  private static final JsonAdapter<Map<String, Object>> OBJECT =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  /** A named example of a request or a response, with the HTTP status it belongs to. */
  record Example(String operationId, String name, int status, Map<String, Object> value) {

    /** @return the example as compact JSON, fields in the spec's order */
    String json() {
      return JSON.toJson(value);
    }

    /**
     * @return the example as compact JSON with its fields sorted by name: the order in which Moshi
     *     writes the fields of a class, and so the exact bytes the client sends
     */
    String jsonAsSent() {
      return JSON.toJson(new java.util.TreeMap<>(value));
    }

    Object field(String name) {
      return value.get(name);
    }

    String string(String name) {
      return (String) value.get(name);
    }

    int integer(String name) {
      return ((Number) value.get(name)).intValue();
    }

    @Override
    public String toString() {
      return operationId + " " + status + " " + name;
    }
  }

  private Spec() {
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath: install api-spec first");
      }
      return (Map<String, Object>) new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  static Map<String, Object> parseObject(String json) {
    try {
      return OBJECT.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the POST operation whose operationId is {@code operationId}, with its path */
  static Map.Entry<String, Map<String, Object>> operation(String operationId) {
    for (Map.Entry<String, Object> path : map(ROOT.get("paths")).entrySet()) {
      for (Object operation : map(path.getValue()).values()) {
        if (operationId.equals(map(operation).get("operationId"))) {
          return Map.entry(path.getKey(), map(operation));
        }
      }
    }
    throw new IllegalArgumentException("The spec has no operation " + operationId);
  }

  static String path(String operationId) {
    return operation(operationId).getKey();
  }

  static Map<String, Object> operationNode(String operationId) {
    return operation(operationId).getValue();
  }

  static List<Example> requestExamples(String operationId) {
    Map<String, Object> content = map(map(operationNode(operationId).get("requestBody")).get("content"));
    return examples(operationId, 0, map(content.get("application/json")));
  }

  /** Every named response example of the operation, {@code $ref}s to shared responses resolved. */
  static List<Example> responseExamples(String operationId) {
    List<Example> all = new ArrayList<>();
    for (Map.Entry<String, Object> response : map(operationNode(operationId).get("responses")).entrySet()) {
      Map<String, Object> definition = resolve(map(response.getValue()));
      Map<String, Object> content = map(definition.get("content"));
      if (content != null && content.containsKey("application/json")) {
        all.addAll(examples(operationId, Integer.parseInt(response.getKey()), map(content.get("application/json"))));
      }
    }
    return all;
  }

  static Example responseExample(String operationId, String name) {
    return responseExamples(operationId).stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No response example " + name + " for " + operationId));
  }

  static Example requestExample(String operationId, String name) {
    return requestExamples(operationId).stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No request example " + name + " for " + operationId));
  }

  static List<Map<String, Object>> servers() {
    List<Map<String, Object>> servers = new ArrayList<>();
    for (Object server : (List<?>) ROOT.get("servers")) {
      servers.add(map(server));
    }
    return servers;
  }

  static Map<String, Object> schema(String name) {
    return map(map(map(ROOT.get("components")).get("schemas")).get(name));
  }

  private static List<Example> examples(String operationId, int status, Map<String, Object> mediaType) {
    List<Example> examples = new ArrayList<>();
    Map<String, Object> named = map(mediaType.get("examples"));
    if (named != null) {
      named.forEach((name, example) -> examples.add(
          new Example(operationId, name, status, map(resolve(map(example)).get("value")))));
    }
    return examples;
  }

  // Follows a local "#/components/..." reference.
  private static Map<String, Object> resolve(Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    Map<String, Object> target = ROOT;
    for (String segment : ((String) ref).substring(2).split("/")) {
      target = map(target.get(segment));
    }
    return resolve(target);
  }
}
