package io.github.paynetsavecard.spec.gate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0): {@code MAJOR.MINOR.PATCH}, optionally with a pre-release such as
 * {@code -SNAPSHOT} (Maven's "on the way to" that release) and build metadata.
 */
record SemanticVersion(int major, int minor, int patch, String preRelease) implements Comparable<SemanticVersion> {
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
                    + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version number");
        }
        preRelease = preRelease == null ? "" : preRelease;
    }

    /** The version, or empty when {@code text} is not a semantic version. */
    static Optional<SemanticVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = SEMVER.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), matcher.group(4)));
    }

    /** The release this version is or leads to: {@code 0.2.0-SNAPSHOT} gives {@code 0.2.0}. */
    SemanticVersion release() {
        return new SemanticVersion(major, minor, patch, "");
    }

    /**
     * The lowest version that may carry a breaking change after this one: the next major, or, while the major is 0
     * (semver's "anything may change" range), the next minor.
     */
    SemanticVersion nextBreaking() {
        return major == 0 ? new SemanticVersion(0, minor + 1, 0, "") : new SemanticVersion(major + 1, 0, 0, "");
    }

    /** Compares the release parts only: {@code 0.2.0-SNAPSHOT} counts as {@code 0.2.0}. */
    boolean reaches(SemanticVersion needed) {
        return release().compareTo(needed.release()) >= 0;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byNumbers = major != other.major ? Integer.compare(major, other.major)
                : minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
        if (byNumbers != 0) {
            return byNumbers;
        }
        // A pre-release sorts before its release; between two pre-releases, plain text order is enough here.
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        return preRelease.compareTo(other.preRelease);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }
}
