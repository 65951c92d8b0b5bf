package io.github.paynetsavecard.conformance;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How this run of the suite is configured: JUnit configuration parameters (which fall back to {@code -D} system
 * properties, set by the POM) for what is not secret, and environment variables for keys.
 *
 * @param targets    the targets to check, in report order ({@code conformance.targets})
 * @param spec       the OpenAPI file every target is judged against and the mocks serve ({@code conformance.spec})
 * @param prismDir   the folder with Prism's package.json and lock file ({@code conformance.prism.dir})
 * @param workDir    where logs go ({@code conformance.work.dir})
 * @param report     the Markdown report's file ({@code conformance.report})
 * @param environment the process environment (keys, {@code CI})
 * @param url        the {@code url} target's base URL ({@code conformance.url} or {@code PAYNET_CONFORMANCE_URL})
 * @param urlKind    {@code paynet} or {@code prism}: which rules apply to the {@code url} target
 *                   ({@code conformance.url.kind} or {@code PAYNET_CONFORMANCE_KIND})
 */
record SuiteSettings(List<String> targets, Path spec, Path prismDir, Path workDir, Path report,
                     Map<String, String> environment, Optional<String> url, Optional<String> urlKind) {
    static final String TARGETS = "conformance.targets";
    static final String SPEC = "conformance.spec";
    static final String PRISM_DIR = "conformance.prism.dir";
    static final String WORK_DIR = "conformance.work.dir";
    static final String REPORT = "conformance.report";
    static final String URL = "conformance.url";
    static final String URL_KIND = "conformance.url.kind";

    /** Environment variables: the key for Paynet's test system, and the URL target's URL, key and kind. */
    static final String PAYNET_TEST_KEY = "PAYNET_TEST_KEY";
    static final String CONFORMANCE_URL = "PAYNET_CONFORMANCE_URL";
    static final String CONFORMANCE_KEY = "PAYNET_CONFORMANCE_KEY";
    static final String CONFORMANCE_KIND = "PAYNET_CONFORMANCE_KIND";

    /**
     * The targets of a merchant's run when none are named: everything that needs nothing but this jar, plus the
     * credential-gated ones, which report a skip with the reason until their key or URL is set. Prism needs our
     * pinned Prism folder, so our own build names it.
     */
    static final String DEFAULT_TARGETS = "mock,paynet-test,url";

    static SuiteSettings from(ExtensionContext context) {
        Map<String, String> env = System.getenv();
        Path workDir = Path.of(parameter(context, WORK_DIR, "target/conformance"));
        return new SuiteSettings(
                Arrays.stream(parameter(context, TARGETS, DEFAULT_TARGETS).split(","))
                        .map(String::strip).filter(name -> !name.isEmpty()).toList(),
                context.getConfigurationParameter(SPEC).filter(value -> !value.isBlank()).map(Path::of)
                        .orElseGet(() -> bundledSpecIn(workDir)),
                Path.of(parameter(context, PRISM_DIR, "prism")),
                workDir,
                Path.of(parameter(context, REPORT, "target/conformance-report.md")),
                env,
                context.getConfigurationParameter(URL).or(() -> Optional.ofNullable(env.get(CONFORMANCE_URL)))
                        .filter(url -> !url.isBlank()),
                context.getConfigurationParameter(URL_KIND).or(() -> Optional.ofNullable(env.get(CONFORMANCE_KIND))));
    }

    /** Whether this runs in CI, where a target that should run but cannot is a failure, not a skip. */
    boolean inCi() {
        return "true".equalsIgnoreCase(environment.getOrDefault("CI", ""));
    }

    Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** The settings without the environment, which holds the keys: a record's own {@code toString()} prints it. */
    @Override
    public String toString() {
        return "SuiteSettings[targets=" + targets + ", spec=" + spec + ", prismDir=" + prismDir + ", workDir="
                + workDir + ", report=" + report + ", url=" + url + ", urlKind=" + urlKind + "]";
    }

    // Without conformance.spec the targets are judged against the spec this jar was built with; the mocks and
    // Prism take a file, so it is written out once.
    private static Path bundledSpecIn(Path workDir) {
        Path file = workDir.resolve("openapi.yaml");
        try (java.io.InputStream in = SuiteSettings.class.getClassLoader()
                .getResourceAsStream(io.github.paynetsavecard.spec.ApiSpec.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("conformance.spec is not set and " + io.github.paynetsavecard.spec
                        .ApiSpec.RESOURCE + " is not on the classpath: add paynet-save-card-api-spec");
            }
            java.nio.file.Files.createDirectories(workDir);
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot write the bundled spec to " + file, e);
        }
    }

    private static String parameter(ExtensionContext context, String name, String fallback) {
        return context.getConfigurationParameter(name).filter(value -> !value.isBlank()).orElse(fallback);
    }
}
