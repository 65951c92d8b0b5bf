package io.github.paynetsavecard.spec.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** CHANGELOG.md at the top of the repository: one entry per accepted baseline, newest first. */
final class Changelog {
    static final String HEADING = "# Changelog";

    private Changelog() {
    }

    /** The entry for one release: its version and date, then the gate's report lines as a list. */
    static String entry(String version, LocalDate date, String baselineVersion, List<String> reportLines) {
        StringBuilder text = new StringBuilder("## ").append(version).append(" (").append(date).append(")\n\n")
                .append("Compared with the previous baseline, ").append(baselineVersion)
                .append(", by the breaking-change gate:\n\n");
        List<String> changes = reportLines.subList(0, Math.max(0, reportLines.size() - 1));
        changes.forEach(line -> text.append("- ").append(line).append('\n'));
        if (changes.isEmpty()) {
            text.append("- no API changes\n");
        }
        if (!reportLines.isEmpty()) {
            text.append('\n').append(reportLines.get(reportLines.size() - 1)).append('\n');
        }
        return text.toString();
    }

    /** Puts {@code entry} above the newest one, creating the file (with its heading) if there is none. */
    static void prepend(Path changelog, String entry) {
        try {
            String existing = Files.isRegularFile(changelog) ? Files.readString(changelog, StandardCharsets.UTF_8)
                    : HEADING + "\n";
            int firstEntry = existing.indexOf("\n## ");
            String head = firstEntry < 0 ? existing : existing.substring(0, firstEntry + 1);
            String rest = firstEntry < 0 ? "" : existing.substring(firstEntry + 1);
            String text = head.stripTrailing() + "\n\n" + entry + (rest.isEmpty() ? "" : "\n" + rest);
            Files.writeString(changelog, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + GateFiles.shown(changelog), e);
        }
    }
}
