package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Judges the content of the security schemes that operations use, where the key goes and how: {@code type},
 * {@code in} and {@code name} of an API key, {@code scheme} of HTTP authentication, the OpenID Connect URL. openapi-diff
 * compares only {@code in} for API keys and nothing of a scheme whose type changed (OpenAPITools/openapi-diff#802),
 * and leaves the lists of its security result null, which crashed our first collector. Any of these changes makes
 * the requests of clients built from the baseline unauthenticated, on every operation that uses the scheme.
 */
final class SecuritySchemeRule {
    private SecuritySchemeRule() {
    }

    static List<Change> judge(OpenAPI before, OpenAPI after) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> used = used(before);
        used.retainAll(used(after));
        for (String name : used) {
            SecurityScheme old = scheme(before, name);
            SecurityScheme neu = scheme(after, name);
            if (old == null || neu == null) {
                continue;
            }
            String place = "security scheme " + name;
            String subject = place;
            if (old.getType() != neu.getType()) {
                changes.add(new Change(Verdict.WIRE, place, "type changed from " + old.getType() + " to "
                        + neu.getType() + ": requests of clients built from the baseline are no longer authenticated",
                        subject));
                continue;
            }
            if (!Objects.equals(old.getIn(), neu.getIn()) || !Objects.equals(old.getName(), neu.getName())) {
                changes.add(new Change(Verdict.WIRE, place, "the key moves from " + old.getIn() + " " + old.getName()
                        + " to " + neu.getIn() + " " + neu.getName()
                        + ": clients built from the baseline send it where it is no longer read", subject));
            }
            if (!Objects.equals(lower(old.getScheme()), lower(neu.getScheme()))) {
                changes.add(new Change(Verdict.WIRE, place, "HTTP scheme changed from " + old.getScheme() + " to "
                        + neu.getScheme(), subject));
            }
            if (!Objects.equals(old.getOpenIdConnectUrl(), neu.getOpenIdConnectUrl())) {
                changes.add(new Change(Verdict.WIRE, place, "OpenID Connect URL changed from "
                        + old.getOpenIdConnectUrl() + " to " + neu.getOpenIdConnectUrl(), subject));
            }
            if (!Objects.equals(old.getBearerFormat(), neu.getBearerFormat())) {
                changes.add(new Change(Verdict.COMPATIBLE, place, "bearerFormat (a hint only) changed", subject));
            }
            if (!Objects.equals(old.getDescription(), neu.getDescription())) {
                changes.add(new Change(Verdict.COMPATIBLE, place, "description changed", subject));
            }
        }
        return changes;
    }

    /** The names of the schemes any operation requires, through its own {@code security} or the document's. */
    private static TreeSet<String> used(OpenAPI spec) {
        TreeSet<String> names = new TreeSet<>();
        List<SecurityRequirement> global = spec.getSecurity() == null ? List.of() : spec.getSecurity();
        Map<String, PathItem> paths = spec.getPaths() == null ? Map.of() : spec.getPaths();
        for (PathItem item : paths.values()) {
            for (Operation operation : item.readOperations()) {
                List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity()
                        : global;
                requirements.forEach(requirement -> names.addAll(requirement.keySet()));
            }
        }
        return names;
    }

    private static SecurityScheme scheme(OpenAPI spec, String name) {
        return spec.getComponents() == null || spec.getComponents().getSecuritySchemes() == null ? null
                : spec.getComponents().getSecuritySchemes().get(name);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }
}
