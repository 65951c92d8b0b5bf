package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.SpecIndex;
import io.github.paynetsavecard.spec.index.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the operation for a request the way Prism's router does: candidates ordered by how many leading segments
 * match, concrete paths preferred over templated ones, an unknown path is a 404 and a known path with another
 * method a 405. Servers' base paths are not prefixed: operations are served from {@code /}.
 */
final class Router {
    private final List<Candidate> candidates;

    /** A router over every operation of {@code contract}, in document order. */
    public Router(SpecIndex contract) {
        List<Candidate> list = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            list.add(new Candidate(operation, PathTemplate.of(operation.path())));
        }
        this.candidates = List.copyOf(list);
    }

    /** The route for {@code method} (any case) and {@code path} (without query). */
    public Route route(String method, String path) {
        if (candidates.isEmpty()) {
            return new Route.NoResources();
        }
        if (!path.startsWith("/")) {
            return new Route.NoPath(path);
        }
        List<String> fragments = PathTemplate.fragments(path);
        String wanted = method.toLowerCase(Locale.ROOT);
        List<Scored> methodMatches = new ArrayList<>();
        boolean pathMatched = false;
        for (int index = 0; index < candidates.size(); index++) {
            Candidate candidate = candidates.get(index);
            Optional<PathTemplate.Match> match = candidate.template().match(fragments);
            if (match.isEmpty()) {
                continue;
            }
            pathMatched = true;
            if (candidate.operation().method().equals(wanted)) {
                methodMatches.add(new Scored(candidate.operation(), match.get(),
                        candidate.template().score(fragments), index));
            }
        }
        if (!pathMatched) {
            return new Route.NoPath(path);
        }
        if (methodMatches.isEmpty()) {
            return new Route.NoMethod(path, wanted);
        }
        // Prism sorts by score ascending and reverses, so equal scores end up in reverse document order.
        methodMatches.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingInt(Scored::index).reversed()));
        Scored chosen = methodMatches.stream().filter(scored -> !scored.match().templated()).findFirst()
                .orElse(methodMatches.get(0));
        return new Route.Found(chosen.operation(), chosen.match().parameters());
    }

    private record Candidate(Operation operation, PathTemplate template) {
    }

    private record Scored(Operation operation, PathTemplate.Match match, double score, int index) {
    }
}
