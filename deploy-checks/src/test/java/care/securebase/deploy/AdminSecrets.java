package care.securebase.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Secrets an admin creates before applying an overlay, read from the table in deploy/README.md,
 * so the documentation and the manifests cannot drift apart: every Secret an overlay uses that neither
 * the overlay nor an operator makes must be in the table, with its keys, and every row must be used.
 */
record AdminSecrets(List<Row> rows) {

    static final Path README = Manifests.ROOT.resolve("deploy/README.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    record Row(String name, Set<String> keys, Set<String> overlays) {
    }

    static AdminSecrets read() {
        String text = Manifests.read(README);
        int start = text.indexOf("## Secrets an admin creates");
        if (start < 0) {
            throw new AssertionError(README + " has no section '## Secrets an admin creates'");
        }
        int end = text.indexOf("\n## ", start + 1);
        List<Row> rows = new ArrayList<>();
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[1].trim().startsWith("`")) {
                continue;
            }
            Matcher name = CODE.matcher(cells[1]);
            name.find();
            Set<String> keys = CODE.matcher(cells[2]).results().map(m -> m.group(1)).collect(Collectors.toSet());
            Set<String> overlays = Arrays.stream(cells[3].split(",")).map(String::trim).collect(Collectors.toSet());
            rows.add(new Row(name.group(1), keys, overlays));
        }
        if (rows.isEmpty()) {
            throw new AssertionError("no rows in the table under '## Secrets an admin creates' in " + README);
        }
        return new AdminSecrets(rows);
    }

    List<Row> forOverlay(String overlay) {
        return rows.stream().filter(r -> r.overlays().contains(overlay)).toList();
    }
}
