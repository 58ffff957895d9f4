package care.securebase.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Readable tables for the hostile-input and access checks: printed, and kept in target/security-report. */
final class Report {

    private final StringBuilder out = new StringBuilder();

    Report title(String title) {
        out.append("\n### ").append(title).append("\n\n");
        return this;
    }

    Report line(String text) {
        out.append(text).append("\n");
        return this;
    }

    /** A Markdown table with aligned columns. */
    Report table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        appendRow(header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(Math.max(3, width)));
        }
        appendRow(rule, widths);
        rows.forEach(row -> appendRow(row, widths));
        out.append("\n");
        return this;
    }

    private void appendRow(List<String> row, int[] widths) {
        out.append("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = i < row.size() ? row.get(i) : "";
            out.append(" ").append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length()))).append(" |");
        }
        out.append("\n");
    }

    /** Prints the report and writes it to {@code target/security-report/<name>.md}. */
    String publish(String name) {
        String text = out.toString();
        System.out.println(text);
        try {
            Path dir = Path.of(System.getProperty("securebase.root", ".."), "e2e-tests/target/security-report");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), text);
        } catch (IOException e) {
            System.out.println("(report not written: " + e.getMessage() + ")");
        }
        return text;
    }
}
