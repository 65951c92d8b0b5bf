package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The breaking-change gate (docs/spec.md). Two commands:
 * <ul>
 *   <li>{@code compare}, run by generated-client's build once both clients are compiled: the wire verdict
 *       ({@link WireCheck}) and the client-API verdict ({@link ClientApiCheck}) against the baseline, checked against
 *       semantic versioning ({@link GateReport}); fails the build with the report, or prints it;</li>
 *   <li>{@code accept}, run by api-spec's {@code accept-spec-baseline} profile: writes the last passing report of these
 *       very files as a CHANGELOG.md entry and makes the spec the baseline.</li>
 * </ul>
 * Arguments are {@code --name=value}. Nothing a user gives it ends in a stack trace: every failure is a
 * {@link GateFailure} whose message names the file and the place.
 */
public final class SpecGate {
    private SpecGate() {
    }

    /** {@code compare} or {@code accept}, then {@code --name=value} arguments (see the poms). */
    public static void main(String[] args) {
        if (args.length == 0) {
            throw new GateFailure("SpecGate needs a command: compare or accept");
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "compare" -> compare(options);
            case "accept" -> accept(options);
            default -> throw new GateFailure("SpecGate: unknown command " + args[0] + " (compare or accept)");
        }
    }

    static void compare(Map<String, String> options) {
        Path spec = path(options, "spec");
        Path baseline = path(options, "baseline");
        Path record = path(options, "report");
        if (Boolean.parseBoolean(options.getOrDefault("skip", "false"))) {
            delete(record);
            System.out.println("Breaking-change gate SKIPPED (-Dpaynet.gate.skip=true): " + GateFiles.shown(spec)
                    + " was not compared with the baseline " + GateFiles.shown(baseline) + ".");
            return;
        }
        GateReport report = judge(spec, baseline, path(options, "baseline-client-classes"),
                path(options, "client-classes"), required(options, "project-version"),
                mappings(options.getOrDefault("model-name-mappings", "")));
        GateRecord.of(spec, baseline, report).writeTo(record);
        if (!report.passed()) {
            throw new GateFailure(report.render());
        }
        System.out.println(report.render());
    }

    /** Both verdicts and the version check; files that are byte for byte the same are not parsed at all. */
    static GateReport judge(Path spec, Path baseline, Path baselineClasses, Path clientClasses, String projectVersion,
                            Map<String, String> modelNameMappings) {
        if (!Files.isRegularFile(baseline)) {
            throw new GateFailure(GateFiles.shown(baseline) + ": no baseline to compare " + GateFiles.shown(spec)
                    + " with; make the current spec the baseline with: " + GateReport.ACCEPT_COMMAND);
        }
        SemanticVersion project = SemanticVersion.parse(projectVersion).orElseThrow(() -> new GateFailure(
                "pom.xml: the project version " + projectVersion + " is not a semantic version (MAJOR.MINOR.PATCH)"));
        OpenAPI old = parse(baseline);
        SemanticVersion oldVersion = version(baseline, old);
        if (GateFiles.sameBytes(spec, baseline)) {
            return GateReport.identical(GateFiles.shown(spec), GateFiles.shown(baseline), oldVersion, project);
        }
        OpenAPI neu = parse(spec);
        SemanticVersion newVersion = version(spec, neu);
        ClientNames before = ClientNames.of(old, modelNameMappings);
        ClientNames after = ClientNames.of(neu, modelNameMappings);
        List<Change> wire = stage(spec, "comparing the wire contract with openapi-diff",
                () -> WireCheck.compare(old, neu));
        if (!Files.isDirectory(baselineClasses)) {
            throw new GateFailure(GateFiles.shown(baselineClasses) + ": the client of the baseline was not generated"
                    + " (it is generated when the spec differs from the baseline): build generated-client again");
        }
        List<Change> client = stage(spec, "comparing the generated clients with japicmp",
                () -> ClientApiCheck.compare(baselineClasses, clientClasses, before, after));
        return GateReport.of(GateFiles.shown(spec), GateFiles.shown(baseline), newVersion, oldVersion, project, wire,
                client);
    }

    static void accept(Map<String, String> options) {
        Path spec = path(options, "spec");
        Path baseline = path(options, "baseline");
        Path changelog = path(options, "changelog");
        String gateCommand = "./mvnw -q -DskipTests verify -pl api-spec,generated-client";
        GateRecord record = GateRecord.readFrom(path(options, "report")).orElseThrow(() -> new GateFailure(
                "No report of the breaking-change gate to accept: run " + gateCommand + " first, then accept again."));
        if (!Files.isRegularFile(baseline)) {
            copy(spec, baseline);
            System.out.println("No baseline yet: " + GateFiles.shown(spec) + " is now the baseline.");
            return;
        }
        if (!record.isOf(spec, baseline)) {
            throw new GateFailure("The gate's last report is not of the current " + GateFiles.shown(spec) + " and "
                    + GateFiles.shown(baseline) + ": run " + gateCommand + " first, then accept again.");
        }
        if (!record.passed()) {
            String summary = record.lines().isEmpty() ? "" : record.lines().get(record.lines().size() - 1);
            throw new GateFailure("The gate fails (" + summary + "): raise the versions as its report says, run "
                    + gateCommand + ", then accept again.");
        }
        if (GateFiles.sameBytes(spec, baseline)) {
            System.out.println("Nothing to accept: " + GateFiles.shown(spec) + " is already the baseline.");
            return;
        }
        Changelog.prepend(changelog, Changelog.entry(record.version(), LocalDate.now(), record.baselineVersion(),
                record.lines()));
        copy(spec, baseline);
        System.out.println("Accepted " + GateFiles.shown(spec) + " (" + record.version() + ") as the baseline "
                + GateFiles.shown(baseline) + "; " + GateFiles.shown(changelog) + " has its entry. Commit both.");
    }

    /** The spec model, or a one-line failure naming the file and swagger-parser's first problem. */
    static OpenAPI parse(Path file) {
        ParseOptions parse = new ParseOptions();
        parse.setResolve(true);
        SwaggerParseResult result;
        try {
            result = new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toString(), null, parse);
        } catch (RuntimeException e) {
            throw new GateFailure(GateFiles.shown(file) + ": cannot be read as OpenAPI: "
                    + String.valueOf(e).replaceAll("\\s+", " "));
        }
        List<String> problems = result == null || result.getMessages() == null ? List.of() : result.getMessages();
        if (result == null || result.getOpenAPI() == null || !problems.isEmpty()) {
            // One line: YAML errors come with a quoted excerpt over several lines.
            String first = problems.isEmpty() ? "not an OpenAPI 3 document"
                    : problems.get(0).replaceAll("\\s+", " ").trim();
            throw new GateFailure(GateFiles.shown(file) + ": not valid OpenAPI: " + first
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return result.getOpenAPI();
    }

    private static SemanticVersion version(Path file, OpenAPI spec) {
        String text = spec.getInfo() == null ? null : spec.getInfo().getVersion();
        return SemanticVersion.parse(text).orElseThrow(() -> new GateFailure(GateFiles.shown(file)
                + ": info.version " + text + " is not a semantic version (MAJOR.MINOR.PATCH, e.g. 0.2.0)"));
    }

    /** Runs one stage; anything it throws becomes one line naming the file and the stage, never a stack trace. */
    private static <T> T stage(Path spec, String what, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (GateFailure e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new GateFailure(GateFiles.shown(spec) + ": the gate cannot judge this change while " + what + ": "
                    + e + ". Report it with the two files; -Dpaynet.gate.skip=true turns the gate off meanwhile.");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new GateFailure("SpecGate: arguments are --name=value, not " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new GateFailure("SpecGate: --" + name + "= is missing");
        }
        return value;
    }

    private static Path path(Map<String, String> options, String name) {
        return Path.of(required(options, name));
    }

    static Map<String, String> mappings(String text) {
        Map<String, String> mappings = new HashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                mappings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return mappings;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + GateFiles.shown(from) + " to " + GateFiles.shown(to), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + GateFiles.shown(file), e);
        }
    }
}
