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

    static SuiteSettings from(ExtensionContext context) {
        Map<String, String> env = System.getenv();
        return new SuiteSettings(
                Arrays.stream(parameter(context, TARGETS, "mock,prism,paynet-test,url").split(","))
                        .map(String::strip).filter(name -> !name.isEmpty()).toList(),
                Path.of(parameter(context, SPEC, "../api-spec/openapi.yaml")),
                Path.of(parameter(context, PRISM_DIR, "prism")),
                Path.of(parameter(context, WORK_DIR, "target/conformance")),
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

    private static String parameter(ExtensionContext context, String name, String fallback) {
        return context.getConfigurationParameter(name).filter(value -> !value.isBlank()).orElse(fallback);
    }
}
