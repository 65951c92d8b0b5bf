package io.github.paynetsavecard.spec.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last run of the gate found, written to {@code generated-client/target/spec-gate/report.txt} so that
 * accepting the baseline can write it into CHANGELOG.md: the checksums of the two files it compared (an older record
 * is never used), whether it passed, the versions, and the report's lines.
 *
 * @param specSha256     checksum of the spec compared
 * @param baselineSha256 checksum of the baseline compared
 * @param passed         whether the gate passed
 * @param version        the spec's {@code info.version}
 * @param baselineVersion the baseline's {@code info.version}
 * @param lines          one line per change, then the summary line
 */
record GateRecord(String specSha256, String baselineSha256, boolean passed, String version, String baselineVersion,
                  List<String> lines) {
    GateRecord {
        lines = List.copyOf(lines);
    }

    static GateRecord of(Path spec, Path baseline, GateReport report) {
        List<String> lines = new ArrayList<>();
        report.changes().forEach(change -> lines.add(change.toString()));
        lines.add(report.summary());
        return new GateRecord(GateFiles.sha256(spec), GateFiles.sha256(baseline), report.passed(),
                report.specVersion().toString(), report.baselineVersion().toString(), lines);
    }

    /** Whether this record is of exactly these two files. */
    boolean isOf(Path spec, Path baseline) {
        return specSha256.equals(GateFiles.sha256(spec)) && baselineSha256.equals(GateFiles.sha256(baseline));
    }

    void writeTo(Path file) {
        StringBuilder text = new StringBuilder("# The breaking-change gate's last report (read by accept-spec-baseline)\n")
                .append("spec-sha256: ").append(specSha256).append('\n')
                .append("baseline-sha256: ").append(baselineSha256).append('\n')
                .append("passed: ").append(passed).append('\n')
                .append("version: ").append(version).append('\n')
                .append("baseline-version: ").append(baselineVersion).append('\n')
                .append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the gate's report " + GateFiles.shown(file), e);
        }
    }

    /** The record in {@code file}, or empty when there is none or it is not one. */
    static Optional<GateRecord> readFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, String> header = new LinkedHashMap<>();
        int i = 1;
        for (; i < all.size() && !all.get(i).isEmpty(); i++) {
            String line = all.get(i);
            int colon = line.indexOf(": ");
            if (colon > 0) {
                header.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        if (!header.keySet().containsAll(List.of("spec-sha256", "baseline-sha256", "passed", "version", "baseline-version"))) {
            return Optional.empty();
        }
        return Optional.of(new GateRecord(header.get("spec-sha256"), header.get("baseline-sha256"),
                Boolean.parseBoolean(header.get("passed")), header.get("version"), header.get("baseline-version"),
                all.subList(Math.min(i + 1, all.size()), all.size())));
    }
}
