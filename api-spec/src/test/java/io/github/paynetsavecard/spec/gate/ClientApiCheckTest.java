package io.github.paynetsavecard.spec.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client-API verdict on small samples shaped like the generated client (a Moshi model with {@code @Json} fields,
 * an enum with {@code x-enum-varnames} constants, a Retrofit interface), compiled here; the real generated clients
 * are compared by the build (bench/gate-corpus.sh runs corpus edits through it).
 */
class ClientApiCheckTest {
    private static final String MODEL = "package io.github.paynetsavecard.client.generated.model;\n";
    private static final String API = "package io.github.paynetsavecard.client.generated.api;\n"
            + "import io.github.paynetsavecard.client.generated.model.*;\n";
    private static final String RESPONSE = MODEL + "public class SaveCardResponse {\n"
            + "  @com.squareup.moshi.Json(name = \"object_name\") private String objectName;\n"
            + "  @com.squareup.moshi.Json(name = \"code\") private Integer code;\n"
            + "  public String getObjectName() { return objectName; }\n"
            + "  public SaveCardResponse objectName(String v) { objectName = v; return this; }\n"
            + "  public Integer getCode() { return code; }\n"
            + "  public SaveCardResponse code(Integer v) { code = v; return this; }\n}\n";
    private static final String RESPONSE_WITHOUT_OBJECT_NAME = MODEL + "public class SaveCardResponse {\n"
            + "  @com.squareup.moshi.Json(name = \"code\") private Integer code;\n"
            + "  public Integer getCode() { return code; }\n"
            + "  public SaveCardResponse code(Integer v) { code = v; return this; }\n}\n";
    private static final String CODES = MODEL + "public enum PaynetReturnCode { SUCCESSFUL, NO_SESSION }\n";
    private static final String API_SOURCE = API + "public interface SaveCardApi {\n"
            + "  retrofit2.Call<SaveCardResponse> saveCard(String body);\n}\n";
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: 0.1.0}
            paths:
              /v1/paynetj/save_card:
                post:
                  operationId: %s
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/%s'}
            components:
              schemas:
                %s:
                  type: object
                  properties: {object_name: {type: string}, code: {type: integer}}
                PaynetReturnCode:
                  type: integer
                  enum: [0, 13]
                  x-enum-varnames: [SUCCESSFUL, %s]
            """;

    @TempDir
    Path dir;

    @Test
    void aRemovedOptionalPropertyIsItsGettersAtTheSchemaProperty() throws IOException {
        List<Change> changes = compare(List.of(RESPONSE, CODES, API_SOURCE),
                List.of(RESPONSE_WITHOUT_OBJECT_NAME, CODES, API_SOURCE), spec(), spec());

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.verdict()).isEqualTo(Verdict.CLIENT_API);
            assertThat(change.place()).isEqualTo("schema SaveCardResponse");
            assertThat(change.subject()).isEqualTo("schema SaveCardResponse.object_name");
            assertThat(change.description()).isEqualTo("property object_name: the client's "
                    + "SaveCardResponse.getObjectName() is gone, SaveCardResponse.objectName(String) is gone");
        });
    }

    @Test
    void aRenamedSchemaIsOneChangeNotOnePerMethodThatMentionsItsClass() throws IOException {
        String renamed = RESPONSE.replace("SaveCardResponse", "SaveCardResult");
        List<Change> changes = compare(List.of(RESPONSE, CODES, API_SOURCE),
                List.of(renamed, CODES, API_SOURCE.replace("SaveCardResponse", "SaveCardResult")), spec(),
                spec("saveCard", "SaveCardResult", "NO_SESSION"));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.place()).isEqualTo("schema SaveCardResponse");
            assertThat(change.description()).isEqualTo("renamed to SaveCardResult: the client's class "
                    + "SaveCardResponse is now SaveCardResult");
        });
    }

    @Test
    void aRenamedEnumVarnameIsNamedWithItsValue() throws IOException {
        List<Change> changes = compare(List.of(RESPONSE, CODES, API_SOURCE),
                List.of(RESPONSE, CODES.replace("NO_SESSION", "SESSION_NOT_FOUND"), API_SOURCE), spec(),
                spec("saveCard", "SaveCardResponse", "SESSION_NOT_FOUND"));

        assertThat(changes).singleElement().satisfies(change -> assertThat(change.toString()).isEqualTo(
                "BREAKING (client API)  schema PaynetReturnCode: x-enum-varnames entry NO_SESSION (value 13) renamed "
                        + "to SESSION_NOT_FOUND: the client's constant PaynetReturnCode.NO_SESSION is now "
                        + "SESSION_NOT_FOUND"));
    }

    @Test
    void aRenamedOperationIdIsTheOperationsChange() throws IOException {
        List<Change> changes = compare(List.of(RESPONSE, CODES, API_SOURCE),
                List.of(RESPONSE, CODES, API_SOURCE.replace("saveCard(", "storeCard(")), spec(),
                spec("storeCard", "SaveCardResponse", "NO_SESSION"));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.place()).isEqualTo("POST /v1/paynetj/save_card");
            assertThat(change.subject()).isEqualTo("operation POST /v1/paynetj/save_card");
            assertThat(change.description()).isEqualTo("operationId renamed from saveCard to storeCard: the client's "
                    + "SaveCardApi.saveCard(String) is now SaveCardApi.storeCard(String)");
        });
    }

    @Test
    void additionsBreakNothingEvenAMethodAddedToARetrofitInterface() throws IOException {
        String wider = RESPONSE.replace("public Integer getCode()", "public String getCardId() { return null; }\n"
                + "  public Integer getCode()");
        String moreOperations = API_SOURCE.replace("}\n", "  retrofit2.Call<SaveCardResponse> ping();\n}\n");

        assertThat(compare(List.of(RESPONSE, CODES, API_SOURCE), List.of(wider, CODES, moreOperations), spec(),
                spec())).isEmpty();
    }

    @Test
    void aChangedGetterTypeSaysWhatItReturnsNow() throws IOException {
        String stringCode = RESPONSE.replace("Integer", "String");

        List<Change> changes = compare(List.of(RESPONSE, CODES, API_SOURCE), List.of(stringCode, CODES, API_SOURCE),
                spec(), spec());

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.subject()).isEqualTo("schema SaveCardResponse.code");
            assertThat(change.description()).contains("getCode() now returns String (was Integer)",
                    "code(Integer) is now code(String)");
        });
    }

    private Path spec() throws IOException {
        return spec("saveCard", "SaveCardResponse", "NO_SESSION");
    }

    private Path spec(String operationId, String schema, String varname) throws IOException {
        Path file = Files.createTempFile(dir, "spec", ".yaml");
        return Files.writeString(file, SPEC.formatted(operationId, schema, schema, varname));
    }

    private List<Change> compare(List<String> oldSources, List<String> newSources, Path oldSpec, Path newSpec)
            throws IOException {
        Path old = compile("old", oldSources);
        Path neu = compile("new", newSources);
        return ClientApiCheck.compare(old, neu, ClientNames.of(SpecGate.parse(oldSpec), Map.of()),
                ClientNames.of(SpecGate.parse(newSpec), Map.of()));
    }

    /** Compiles the samples, with stand-ins for Moshi's {@code @Json} and Retrofit's {@code Call}. */
    private Path compile(String name, List<String> sources) throws IOException {
        Path src = dir.resolve(name + "-src");
        Path out = Files.createDirectories(dir.resolve(name + "-classes"));
        List<String> files = new ArrayList<>();
        List<String> all = new ArrayList<>(sources);
        all.add("package com.squareup.moshi;\n@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy"
                + ".RUNTIME) public @interface Json { String name(); }\n");
        all.add("package retrofit2;\npublic interface Call<T> {}\n");
        for (String source : all) {
            String pkg = source.substring("package ".length(), source.indexOf(';'));
            String type = source.replaceAll("(?s).*?public (?:class|enum|interface|@interface) (\\w+).*", "$1");
            Path file = src.resolve(pkg.replace('.', '/')).resolve(type + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        args.addAll(files);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("samples compile").isZero();
        return out;
    }
}
